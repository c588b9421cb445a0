/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.peer;

import org.herald.peer.noise.CipherState;
import org.herald.peer.noise.NoiseException;
import org.herald.peer.wire.Frame;
import org.herald.peer.wire.FrameCodec;
import org.herald.peer.wire.FrameException;
import org.herald.peer.wire.FrameException.Reason;
import org.herald.peer.wire.FrameStats;

/**
 * The receiving half of a transport: opens frames in order and rejects the others, counting them.
 *
 * <p>The rule: a frame is first authenticated with the counter it carries as its nonce (Noise's
 * SetNonce, spec section 5.1) and its header as associated data; a frame that does not
 * authenticate is TAMPERED. An authentic frame must carry exactly the counter expected next: a
 * lower one is REPLAYED, a higher one REORDERED (frames before it are missing). A rejected frame
 * does not move the expected counter, so the stream carries on with the right next frame instead
 * of falling out of step. Not thread-safe; {@link Transport} serialises the calls.
 */
final class FrameReceiver {

	private final CipherState cipher;
	private long expected;
	private long accepted;
	private long truncated;
	private long oversized;
	private long malformed;
	private long tampered;
	private long replayed;
	private long reordered;

	FrameReceiver(CipherState cipher) {
		this.cipher = cipher;
	}

	byte[] open(byte[] bytes) throws FrameException {
		try {
			Frame frame = FrameCodec.decode(bytes);
			if (frame.type() != Frame.TRANSPORT) {
				throw new FrameException(Reason.MALFORMED, "a handshake frame after the handshake");
			}
			if (frame.counter() == CipherState.MAX_NONCE) {
				throw new FrameException(Reason.MALFORMED, "the reserved counter 2^64-1");
			}
			cipher.setNonce(frame.counter());
			byte[] plaintext;
			try {
				plaintext = cipher.decryptWithAd(frame.header(), frame.body());
			} catch (NoiseException e) {
				throw new FrameException(Reason.TAMPERED, "frame " + Long.toUnsignedString(frame.counter()) + " failed authentication");
			}
			int order = Long.compareUnsigned(frame.counter(), expected);
			if (order < 0) {
				throw new FrameException(Reason.REPLAYED, "frame " + Long.toUnsignedString(frame.counter()) + " again; expected "
						+ Long.toUnsignedString(expected));
			}
			if (order > 0) {
				throw new FrameException(Reason.REORDERED, "frame " + Long.toUnsignedString(frame.counter()) + " while "
						+ Long.toUnsignedString(expected) + " is expected");
			}
			expected++;
			accepted++;
			return plaintext;
		} catch (FrameException e) {
			count(e.reason());
			throw e;
		}
	}

	private void count(Reason reason) {
		switch (reason) {
		case TRUNCATED -> truncated++;
		case OVERSIZED -> oversized++;
		case MALFORMED -> malformed++;
		case TAMPERED -> tampered++;
		case REPLAYED -> replayed++;
		case REORDERED -> reordered++;
		}
	}

	FrameStats stats() {
		return new FrameStats(accepted, truncated, oversized, malformed, tampered, replayed, reordered);
	}
}
