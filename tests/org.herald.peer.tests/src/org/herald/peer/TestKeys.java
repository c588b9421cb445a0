/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.peer;

import java.security.SecureRandom;

import org.herald.peer.noise.HandshakePattern;
import org.herald.peer.noise.X25519;

/** Sessions between two fresh key pairs, for tests that need a completed handshake. */
final class TestKeys {

	private static final SecureRandom RANDOM = new SecureRandom();

	private TestKeys() {
	}

	/** An initiator and a responder of XX after the handshake, as a pair. */
	static NoiseSession[] completedXx(byte[] prologue) throws HandshakeException {
		NoiseSession initiator = NoiseSession.create(HandshakePattern.XX, true, X25519.generateKeyPair(RANDOM), prologue, null);
		NoiseSession responder = NoiseSession.create(HandshakePattern.XX, false, X25519.generateKeyPair(RANDOM), prologue, null);
		responder.readMessage(initiator.writeMessage(new byte[0]));
		initiator.readMessage(responder.writeMessage(new byte[0]));
		responder.readMessage(initiator.writeMessage(new byte[0]));
		return new NoiseSession[] { initiator, responder };
	}
}
