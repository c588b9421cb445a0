/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.peer.wire;

/** A frame Herald rejected, and why. The receiver counts it and carries on with the next frame. */
public class FrameException extends Exception {
	private static final long serialVersionUID = 1L;

	/** Why a frame was rejected. */
	public enum Reason {
		/** Fewer bytes than the header or its length announce. */
		TRUNCATED,
		/** A length beyond the limit, refused before anything was allocated. */
		OVERSIZED,
		/** An unknown type, trailing bytes, or a frame of the wrong kind here. */
		MALFORMED,
		/** The ciphertext, its header or its counter was altered: authentication failed. */
		TAMPERED,
		/** Authentic, but its counter was accepted already. */
		REPLAYED,
		/** Authentic, but frames before it are missing: not the counter expected next. */
		REORDERED
	}

	private final Reason reason;

	public FrameException(Reason reason, String message) {
		super(message);
		this.reason = reason;
	}

	public Reason reason() {
		return reason;
	}
}
