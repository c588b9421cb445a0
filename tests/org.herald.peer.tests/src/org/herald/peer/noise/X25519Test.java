/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.peer.noise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.SecureRandom;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

class X25519Test {

	private static final HexFormat HEX = HexFormat.of();

	// RFC 7748 section 6.1. The private keys are printed unclamped there.
	private static final String ALICE_PRIVATE = "77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a";
	private static final String ALICE_PUBLIC = "8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a";
	private static final String BOB_PRIVATE = "5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb";
	private static final String BOB_PUBLIC = "de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f";
	private static final String SHARED = "4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742";

	@Test
	void rfc7748PublicKeys() {
		assertEquals(ALICE_PUBLIC, HEX.formatHex(X25519.keyPair(HEX.parseHex(ALICE_PRIVATE)).publicKey()));
		assertEquals(BOB_PUBLIC, HEX.formatHex(X25519.keyPair(HEX.parseHex(BOB_PRIVATE)).publicKey()));
	}

	@Test
	void rfc7748SharedSecretBothWays() throws Exception {
		assertEquals(SHARED, HEX.formatHex(X25519.dh(X25519.keyPair(HEX.parseHex(ALICE_PRIVATE)).privateKey(), HEX.parseHex(BOB_PUBLIC))));
		assertEquals(SHARED, HEX.formatHex(X25519.dh(X25519.keyPair(HEX.parseHex(BOB_PRIVATE)).privateKey(), HEX.parseHex(ALICE_PUBLIC))));
	}

	@Test
	void privateKeysAreClamped() {
		byte[] clamped = X25519.keyPair(HEX.parseHex(ALICE_PRIVATE)).privateKey();
		assertEquals(0, clamped[0] & 7);
		assertEquals(0x40, clamped[31] & 0xC0);
		byte[] ones = new byte[32];
		java.util.Arrays.fill(ones, (byte) 0xFF);
		byte[] c = X25519.clamp(ones);
		assertEquals((byte) 0xF8, c[0]);
		assertEquals((byte) 0x7F, c[31]);
	}

	@Test
	void topBitOfAPublicKeyIsIgnored() throws Exception {
		// RFC 7748 section 5: the receiver masks bit 255 of a u-coordinate.
		byte[] bob = HEX.parseHex(BOB_PUBLIC);
		bob[31] |= (byte) 0x80;
		assertEquals(SHARED, HEX.formatHex(X25519.dh(X25519.keyPair(HEX.parseHex(ALICE_PRIVATE)).privateKey(), bob)));
	}

	@Test
	void lowOrderPublicKeyIsRefused() {
		byte[] privateKey = X25519.generateKeyPair(new SecureRandom()).privateKey();
		assertThrows(NoiseException.class, () -> X25519.dh(privateKey, new byte[32]));
		byte[] one = new byte[32];
		one[0] = 1;
		assertThrows(NoiseException.class, () -> X25519.dh(privateKey, one));
	}

	@Test
	void wrongLengths() {
		assertThrows(IllegalArgumentException.class, () -> X25519.keyPair(new byte[31]));
		assertThrows(NoiseException.class, () -> X25519.dh(new byte[32], new byte[33]));
	}

	@Test
	void generatedPairsAgree() throws Exception {
		SecureRandom random = new SecureRandom();
		DhKeyPair a = X25519.generateKeyPair(random);
		DhKeyPair b = X25519.generateKeyPair(random);
		assertArrayEquals(X25519.dh(a.privateKey(), b.publicKey()), X25519.dh(b.privateKey(), a.publicKey()));
	}
}
