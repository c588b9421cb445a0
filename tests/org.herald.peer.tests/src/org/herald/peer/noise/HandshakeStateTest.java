/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.peer.noise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

import org.junit.jupiter.api.Test;

class HandshakeStateTest {

	private static final SecureRandom RANDOM = new SecureRandom();
	private static final byte[] PROLOGUE = "prologue".getBytes(StandardCharsets.US_ASCII);
	private final DhKeyPair alice = X25519.generateKeyPair(RANDOM);
	private final DhKeyPair bob = X25519.generateKeyPair(RANDOM);

	@Test
	void xxRoundTripWithPayloads() throws Exception {
		HandshakeState i = new HandshakeState(HandshakePattern.XX, true, PROLOGUE, alice, null, RANDOM);
		HandshakeState r = new HandshakeState(HandshakePattern.XX, false, PROLOGUE, bob, null, RANDOM);
		assertTrue(i.isMyTurn());
		assertFalse(r.isMyTurn());
		assertArrayEquals(bytes("one"), r.readMessage(i.writeMessage(bytes("one"))));
		assertArrayEquals(bytes("two"), i.readMessage(r.writeMessage(bytes("two"))));
		assertArrayEquals(bytes("three"), r.readMessage(i.writeMessage(bytes("three"))));
		assertTrue(i.isComplete() && r.isComplete());
		assertArrayEquals(bob.publicKey(), i.remoteStatic());
		assertArrayEquals(alice.publicKey(), r.remoteStatic());
		assertArrayEquals(i.handshakeHash(), r.handshakeHash());
		byte[] sealed = i.sendCipher().encryptWithAd(new byte[0], bytes("after"));
		assertArrayEquals(bytes("after"), r.receiveCipher().decryptWithAd(new byte[0], sealed));
		byte[] back = r.sendCipher().encryptWithAd(new byte[0], bytes("back"));
		assertArrayEquals(bytes("back"), i.receiveCipher().decryptWithAd(new byte[0], back));
	}

	@Test
	void turnsAreEnforced() throws Exception {
		HandshakeState i = new HandshakeState(HandshakePattern.XX, true, PROLOGUE, alice, null, RANDOM);
		HandshakeState r = new HandshakeState(HandshakePattern.XX, false, PROLOGUE, bob, null, RANDOM);
		assertThrows(IllegalStateException.class, () -> r.writeMessage(new byte[0]));
		assertThrows(IllegalStateException.class, () -> i.readMessage(new byte[32]));
		assertThrows(IllegalStateException.class, i::sendCipher);
		r.readMessage(i.writeMessage(new byte[0]));
		i.readMessage(r.writeMessage(new byte[0]));
		r.readMessage(i.writeMessage(new byte[0]));
		assertThrows(IllegalStateException.class, () -> i.writeMessage(new byte[0]));
	}

	@Test
	void differentProloguesFailAtTheFirstEncryptedMessage() throws Exception {
		HandshakeState i = new HandshakeState(HandshakePattern.XX, true, PROLOGUE, alice, null, RANDOM);
		HandshakeState r = new HandshakeState(HandshakePattern.XX, false, bytes("other"), bob, null, RANDOM);
		r.readMessage(i.writeMessage(new byte[0]));
		byte[] second = r.writeMessage(new byte[0]);
		assertThrows(NoiseException.class, () -> i.readMessage(second));
		// A failed handshake stays failed.
		assertThrows(IllegalStateException.class, () -> i.readMessage(second));
	}

	@Test
	void alteredOrTruncatedMessagesFail() throws Exception {
		HandshakeState i = new HandshakeState(HandshakePattern.XX, true, PROLOGUE, alice, null, RANDOM);
		HandshakeState r = new HandshakeState(HandshakePattern.XX, false, PROLOGUE, bob, null, RANDOM);
		r.readMessage(i.writeMessage(new byte[0]));
		byte[] second = r.writeMessage(bytes("payload"));
		byte[] altered = second.clone();
		altered[40] ^= 0x20; // inside the encrypted static key
		assertThrows(NoiseException.class, () -> i.readMessage(altered));

		HandshakeState j = new HandshakeState(HandshakePattern.XX, true, PROLOGUE, alice, null, RANDOM);
		assertThrows(NoiseException.class, () -> new HandshakeState(HandshakePattern.XX, false, PROLOGUE, bob, null, RANDOM)
				.readMessage(java.util.Arrays.copyOf(j.writeMessage(new byte[0]), 31)));
	}

	@Test
	void ikRoundTrip() throws Exception {
		HandshakeState i = new HandshakeState(HandshakePattern.IK, true, PROLOGUE, alice, bob.publicKey(), RANDOM);
		HandshakeState r = new HandshakeState(HandshakePattern.IK, false, PROLOGUE, bob, null, RANDOM);
		assertArrayEquals(bytes("hello"), r.readMessage(i.writeMessage(bytes("hello"))));
		assertArrayEquals(alice.publicKey(), r.remoteStatic());
		assertArrayEquals(bytes("welcome"), i.readMessage(r.writeMessage(bytes("welcome"))));
		assertTrue(i.isComplete() && r.isComplete());
		assertArrayEquals(i.handshakeHash(), r.handshakeHash());
	}

	@Test
	void ikToTheWrongResponderFails() throws Exception {
		DhKeyPair mallory = X25519.generateKeyPair(RANDOM);
		HandshakeState i = new HandshakeState(HandshakePattern.IK, true, PROLOGUE, alice, bob.publicKey(), RANDOM);
		HandshakeState r = new HandshakeState(HandshakePattern.IK, false, PROLOGUE, mallory, null, RANDOM);
		byte[] first = i.writeMessage(new byte[0]);
		assertThrows(NoiseException.class, () -> r.readMessage(first));
	}

	@Test
	void remoteKeyRequirements() {
		assertThrows(IllegalArgumentException.class, () -> new HandshakeState(HandshakePattern.IK, true, PROLOGUE, alice, null, RANDOM));
		assertThrows(IllegalArgumentException.class,
				() -> new HandshakeState(HandshakePattern.XX, true, PROLOGUE, alice, bob.publicKey(), RANDOM));
		assertThrows(IllegalArgumentException.class, () -> new HandshakeState(HandshakePattern.XX, true, PROLOGUE, null, null, RANDOM));
	}

	@Test
	void oversizedMessageIsRefused() throws Exception {
		HandshakeState r = new HandshakeState(HandshakePattern.XX, false, PROLOGUE, bob, null, RANDOM);
		assertThrows(NoiseException.class, () -> r.readMessage(new byte[HandshakeState.MAX_MESSAGE_LENGTH + 1]));
		HandshakeState i = new HandshakeState(HandshakePattern.XX, true, PROLOGUE, alice, null, RANDOM);
		assertThrows(IllegalArgumentException.class, () -> i.writeMessage(new byte[HandshakeState.MAX_MESSAGE_LENGTH]));
	}

	private static byte[] bytes(String s) {
		return s.getBytes(StandardCharsets.US_ASCII);
	}
}
