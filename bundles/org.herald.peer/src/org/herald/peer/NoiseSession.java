/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.peer;

import java.security.SecureRandom;

import org.herald.peer.noise.DhKeyPair;
import org.herald.peer.noise.HandshakePattern;
import org.herald.peer.noise.HandshakeState;
import org.herald.peer.noise.NoiseException;
import org.herald.peer.wire.Frame;
import org.herald.peer.wire.FrameCodec;
import org.herald.peer.wire.FrameException;

/**
 * One Herald peer session: a Noise handshake, then its {@link Transport}. Handshake messages travel
 * as handshake {@link Frame}s (counter = the message's index), so a connection carries nothing but
 * frames, which {@link FrameCodec#read} splits.
 *
 * <pre>
 * NoiseSession alice = NoiseSession.initiator(identity, PeerPrologue.of("ALICE", "BOB"));
 * send(alice.writeMessage(new byte[0]));              // -> e
 * alice.readMessage(receive());                       // <- e, ee, s, es
 * send(alice.writeMessage(new byte[0]));              // -> s, se
 * PinCheck pin = pins.check("BOB", alice.remoteStatic());
 * Transport t = alice.transport();                    // t.seal(message), t.open(frame)
 * </pre>
 *
 * The remote static key is authenticated by the handshake, but whose key it is only the pin store
 * ({@link PeerPins}) can say: check it before trusting anything the peer sends.
 */
public final class NoiseSession {

	private final HandshakeState handshake;
	private int index;
	private boolean failed;
	private Transport transport;

	private NoiseSession(HandshakeState handshake) {
		this.handshake = handshake;
	}

	/** The initiator of Noise_XX: neither side needs to know the other's key beforehand. */
	public static NoiseSession initiator(IdentityKey identity, byte[] prologue) {
		return create(HandshakePattern.XX, true, identity.keyPair(), prologue, null);
	}

	/** The initiator of Noise_IK, for a responder whose key is known (pinned): one round trip. */
	public static NoiseSession initiator(IdentityKey identity, byte[] prologue, PeerKey responderKey) {
		return create(HandshakePattern.IK, true, identity.keyPair(), prologue, responderKey);
	}

	/** The responder of Noise_XX. */
	public static NoiseSession responder(IdentityKey identity, byte[] prologue) {
		return responder(identity, prologue, HandshakePattern.XX);
	}

	/** The responder of the pattern the initiator chose (the caller learns it from its own protocol). */
	public static NoiseSession responder(IdentityKey identity, byte[] prologue, HandshakePattern pattern) {
		return create(pattern, false, identity.keyPair(), prologue, null);
	}

	static NoiseSession create(HandshakePattern pattern, boolean initiator, DhKeyPair keyPair, byte[] prologue, PeerKey remote) {
		return new NoiseSession(new HandshakeState(pattern, initiator, prologue, keyPair, remote == null ? null : remote.bytes(), new SecureRandom()));
	}

	/**
	 * The next handshake message, as a frame, carrying {@code payload}. Handshake payloads are not
	 * all equally protected (Noise spec section 7.7): XX's first one travels in clear, IK's first one
	 * is encrypted to the responder but may be replayed and has no forward secrecy. Send nothing
	 * secret before the handshake is complete; use the {@link Transport} for messages.
	 */
	public synchronized byte[] writeMessage(byte[] payload) throws HandshakeException {
		checkUsable();
		try {
			byte[] message = handshake.writeMessage(payload);
			return FrameCodec.encode(new Frame(Frame.HANDSHAKE, index++, message));
		} catch (NoiseException e) {
			failed = true;
			throw new HandshakeException("handshake failed: " + e.getMessage(), e);
		}
	}

	/** Reads the remote side's next handshake frame and returns its payload. */
	public synchronized byte[] readMessage(byte[] frame) throws HandshakeException {
		checkUsable();
		try {
			Frame decoded = FrameCodec.decode(frame);
			if (decoded.type() != Frame.HANDSHAKE || decoded.counter() != index) {
				throw new HandshakeException("expected handshake message " + index + ", got " + decoded);
			}
			byte[] payload = handshake.readMessage(decoded.body());
			index++;
			return payload;
		} catch (FrameException | NoiseException e) {
			failed = true;
			throw new HandshakeException("handshake failed: " + e.getMessage(), e);
		} catch (HandshakeException e) {
			failed = true;
			throw e;
		}
	}

	private void checkUsable() throws HandshakeException {
		if (failed) {
			throw new HandshakeException("the handshake failed earlier; start a new session");
		}
		if (handshake.isComplete()) {
			throw new IllegalStateException("the handshake is complete: use transport()");
		}
	}

	public synchronized boolean isMyTurn() {
		return !failed && handshake.isMyTurn();
	}

	public synchronized boolean isComplete() {
		return !failed && handshake.isComplete();
	}

	/** The remote side's static key, authenticated by the handshake; null before a message carried it. */
	public synchronized PeerKey remoteStatic() {
		byte[] key = handshake.remoteStatic();
		return key == null ? null : PeerKey.of(key);
	}

	/** The handshake hash (Noise spec section 11.2): equal on both sides, usable as a channel binding. */
	public synchronized byte[] handshakeHash() {
		return handshake.handshakeHash();
	}

	public HandshakePattern pattern() {
		return handshake.pattern();
	}

	/** The transport, once the handshake is complete; the same object on every call. */
	public synchronized Transport transport() {
		if (!isComplete()) {
			throw new IllegalStateException("the handshake is not complete");
		}
		if (transport == null) {
			transport = new Transport(handshake.sendCipher(), handshake.receiveCipher());
		}
		return transport;
	}
}
