/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.peer;

import org.herald.peer.noise.CipherState;
import org.herald.peer.noise.NoiseException;
import org.herald.peer.wire.Frame;
import org.herald.peer.wire.FrameCodec;
import org.herald.peer.wire.FrameException;
import org.herald.peer.wire.FrameStats;

/**
 * The encrypted channel after a handshake: {@link #seal} turns a message into a transport frame,
 * {@link #open} a frame back into the message. One thread may seal while another opens.
 */
public final class Transport {

	/** The longest message one frame carries: a Noise message less its 16-byte tag. */
	public static final int MAX_PLAINTEXT = FrameCodec.MAX_BODY - CipherState.TAG_LENGTH;

	private final Object sendLock = new Object();
	private final Object receiveLock = new Object();
	private final CipherState send;
	private final FrameReceiver receiver;

	Transport(CipherState send, CipherState receive) {
		this.send = send;
		this.receiver = new FrameReceiver(receive);
	}

	/** Encrypts {@code plaintext} (at most {@link #MAX_PLAINTEXT} bytes) into the next frame. */
	public byte[] seal(byte[] plaintext) {
		if (plaintext.length > MAX_PLAINTEXT) {
			throw new IllegalArgumentException("a frame carries at most " + MAX_PLAINTEXT + " bytes, not " + plaintext.length);
		}
		synchronized (sendLock) {
			long counter = send.nonce();
			byte[] header = FrameCodec.header(Frame.TRANSPORT, plaintext.length + CipherState.TAG_LENGTH, counter);
			try {
				return FrameCodec.encode(new Frame(Frame.TRANSPORT, counter, send.encryptWithAd(header, plaintext)));
			} catch (NoiseException e) {
				// Only after 2^64-1 frames.
				throw new IllegalStateException("this session sent all the frames it can; start a new one", e);
			}
		}
	}

	/**
	 * Decrypts the next frame. A frame that is truncated, oversized, altered, replayed or out of
	 * order raises {@link FrameException} with the reason, and is counted in {@link #stats()}; the
	 * transport stays usable for the frames that follow.
	 */
	public byte[] open(byte[] frame) throws FrameException {
		synchronized (receiveLock) {
			return receiver.open(frame);
		}
	}

	public FrameStats stats() {
		synchronized (receiveLock) {
			return receiver.stats();
		}
	}
}
