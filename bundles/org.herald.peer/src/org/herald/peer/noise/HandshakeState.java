/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.peer.noise;

import java.io.ByteArrayOutputStream;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;

/**
 * A HandshakeState (spec section 5.3): runs one handshake pattern as initiator or responder, then
 * splits into the two transport {@link CipherState}s. Not thread-safe. A message that fails to
 * decrypt or parse ends the handshake: every later call raises {@link IllegalStateException}.
 */
public final class HandshakeState {

	/** Noise messages are at most 65535 bytes (section 3). */
	public static final int MAX_MESSAGE_LENGTH = 65535;

	private final HandshakePattern pattern;
	private final boolean initiator;
	private final SymmetricState symmetric;
	private final SecureRandom random;
	private final DhKeyPair s;
	private DhKeyPair e;
	private byte[] rs;
	private byte[] re;
	private DhKeyPair fixedEphemeral;
	private int message;
	private boolean failed;
	private CipherState send;
	private CipherState receive;

	/**
	 * Initialize(): {@code s} is this side's static key pair; {@code rs} the responder's static public
	 * key, which the initiator of IK must know and everyone else passes as null.
	 */
	public HandshakeState(HandshakePattern pattern, boolean initiator, byte[] prologue, DhKeyPair s, byte[] rs, SecureRandom random) {
		this.pattern = pattern;
		this.initiator = initiator;
		this.s = s;
		this.rs = rs == null ? null : rs.clone();
		this.random = random;
		if (s == null) {
			throw new IllegalArgumentException(pattern + " needs this side's static key pair");
		}
		boolean needsRemote = initiator && pattern.responderPreMessage().contains(Token.S);
		if (needsRemote != (rs != null)) {
			throw new IllegalArgumentException(needsRemote ? pattern + " needs the responder's static public key"
					: pattern + " learns the remote static key during the handshake; pass none");
		}
		symmetric = new SymmetricState(pattern.protocolName());
		symmetric.mixHash(prologue);
		// Pre-messages are hashed initiator's first, whichever side we are (section 5.3).
		for (Token token : pattern.initiatorPreMessage()) {
			mixPreMessage(token, initiator);
		}
		for (Token token : pattern.responderPreMessage()) {
			mixPreMessage(token, !initiator);
		}
	}

	private void mixPreMessage(Token token, boolean ours) {
		if (token != Token.S) {
			throw new IllegalArgumentException("unsupported pre-message token " + token);
		}
		symmetric.mixHash(ours ? s.publicKey() : rs);
	}

	/** Test vectors only: the ephemeral key pair the next {@code e} token uses instead of a random one. */
	void fixEphemeral(DhKeyPair ephemeral) {
		fixedEphemeral = ephemeral;
	}

	/** True when it is this side's turn to write. */
	public boolean isMyTurn() {
		return !isComplete() && ((message % 2 == 0) == initiator);
	}

	public boolean isComplete() {
		return message == pattern.messages().size();
	}

	/** WriteMessage(payload): the next handshake message, carrying the payload (encrypted once a key exists). */
	public byte[] writeMessage(byte[] payload) throws NoiseException {
		checkUsable(true);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			for (Token token : pattern.messages().get(message)) {
				switch (token) {
				case E -> {
					e = fixedEphemeral != null ? fixedEphemeral : X25519.generateKeyPair(random);
					fixedEphemeral = null;
					byte[] publicKey = e.publicKey();
					out.writeBytes(publicKey);
					symmetric.mixHash(publicKey);
				}
				case S -> out.writeBytes(symmetric.encryptAndHash(s.publicKey()));
				default -> mixDh(token);
				}
			}
			out.writeBytes(symmetric.encryptAndHash(payload));
		} catch (NoiseException ex) {
			failed = true;
			throw ex;
		}
		if (out.size() > MAX_MESSAGE_LENGTH) {
			failed = true;
			throw new IllegalArgumentException("handshake message longer than 65535 bytes: the payload is too long");
		}
		advance();
		return out.toByteArray();
	}

	/** ReadMessage(message): the payload of the remote side's next handshake message. */
	public byte[] readMessage(byte[] incoming) throws NoiseException {
		checkUsable(false);
		try {
			if (incoming.length > MAX_MESSAGE_LENGTH) {
				throw new NoiseException("handshake message longer than 65535 bytes");
			}
			int offset = 0;
			for (Token token : pattern.messages().get(message)) {
				switch (token) {
				case E -> {
					re = slice(incoming, offset, X25519.KEY_LENGTH);
					offset += X25519.KEY_LENGTH;
					symmetric.mixHash(re);
				}
				case S -> {
					int length = X25519.KEY_LENGTH + (symmetric.hasKey() ? CipherState.TAG_LENGTH : 0);
					rs = symmetric.decryptAndHash(slice(incoming, offset, length));
					offset += length;
				}
				default -> mixDh(token);
				}
			}
			byte[] payload = symmetric.decryptAndHash(Arrays.copyOfRange(incoming, offset, incoming.length));
			advance();
			return payload;
		} catch (NoiseException ex) {
			failed = true;
			throw ex;
		}
	}

	/** ee, es, se, ss: MixKey(DH(...)), the first letter naming the initiator's key (section 7.1). */
	private void mixDh(Token token) throws NoiseException {
		byte[] shared = switch (token) {
		case EE -> X25519.dh(e.privateKeyUnsafe(), re);
		case ES -> initiator ? X25519.dh(e.privateKeyUnsafe(), rs) : X25519.dh(s.privateKeyUnsafe(), re);
		case SE -> initiator ? X25519.dh(s.privateKeyUnsafe(), re) : X25519.dh(e.privateKeyUnsafe(), rs);
		case SS -> X25519.dh(s.privateKeyUnsafe(), rs);
		default -> throw new IllegalStateException("not a DH token: " + token);
		};
		symmetric.mixKey(shared);
		Arrays.fill(shared, (byte) 0);
	}

	private void advance() {
		message++;
		if (isComplete()) {
			CipherState[] pair = symmetric.split();
			send = initiator ? pair[0] : pair[1];
			receive = initiator ? pair[1] : pair[0];
			if (e != null) {
				e.destroy();
			}
		}
	}

	private void checkUsable(boolean writing) {
		if (failed) {
			throw new IllegalStateException("the handshake failed earlier");
		}
		if (isComplete()) {
			throw new IllegalStateException("the handshake is complete");
		}
		if (writing != isMyTurn()) {
			throw new IllegalStateException(writing ? "it is the remote side's turn to write" : "it is this side's turn to write");
		}
	}

	private static byte[] slice(byte[] message, int offset, int length) throws NoiseException {
		if (message.length - offset < length) {
			throw new NoiseException("handshake message too short");
		}
		return Arrays.copyOfRange(message, offset, offset + length);
	}

	/** After the handshake: the CipherState for this side's messages. */
	public CipherState sendCipher() {
		requireComplete();
		return send;
	}

	/** After the handshake: the CipherState for the remote side's messages. */
	public CipherState receiveCipher() {
		requireComplete();
		return receive;
	}

	/** The remote side's static public key, once a message carried it (or the IK pre-message gave it). */
	public byte[] remoteStatic() {
		return rs == null ? null : rs.clone();
	}

	/** The handshake hash h (section 11.2): the same on both sides after a successful handshake. */
	public byte[] handshakeHash() {
		requireComplete();
		return symmetric.handshakeHash();
	}

	public HandshakePattern pattern() {
		return pattern;
	}

	public boolean isInitiator() {
		return initiator;
	}

	private void requireComplete() {
		if (!isComplete()) {
			throw new IllegalStateException("the handshake is not complete");
		}
	}
}
