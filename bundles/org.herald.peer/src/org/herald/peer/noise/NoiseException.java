/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.peer.noise;

/** A handshake or transport message that does not decrypt, or breaks the pattern. The session is over. */
public class NoiseException extends Exception {
	private static final long serialVersionUID = 1L;

	public NoiseException(String message) {
		super(message);
	}

	public NoiseException(String message, Throwable cause) {
		super(message, cause);
	}
}
