/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import org.junit.jupiter.api.Test;

class FingerprintTest {

	private static final PeerKey KEY = new PeerKey("31e0303fd6418d2f8c0e78b91f22e8caed0fbe48656dcf4767e4834f701b8f62");
	private static final PeerKey OTHER = new PeerKey("6bc3822a2aa7f4e6981d6538692b3cdf3e6df9eea6ed269eb41d93c22757b75a");

	@Test
	void sixtyDigitsInTwelveGroupsOfFive() {
		String shown = KEY.fingerprint().toString();
		assertTrue(shown.matches("\\d{5}( \\d{5}){11}"), shown);
	}

	@Test
	void digitsAreTheDomainSeparatedHashModuloTenToTheSixty() throws Exception {
		MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
		sha256.update("org.herald.peer fingerprint v1 X25519".getBytes(StandardCharsets.US_ASCII));
		sha256.update((byte) 0);
		sha256.update(KEY.bytes());
		BigInteger expected = new BigInteger(1, sha256.digest()).mod(BigInteger.TEN.pow(60));
		assertEquals(expected, new BigInteger(KEY.fingerprint().digits()));
	}

	@Test
	void differentKeysDifferentFingerprints() {
		assertNotEquals(KEY.fingerprint(), OTHER.fingerprint());
		assertFalse(KEY.fingerprint().matches(OTHER.fingerprint()));
		assertEquals(KEY.fingerprint(), Fingerprint.of(new PeerKey(KEY.hex().toUpperCase())));
	}

	@Test
	void parsingToleratesSpacesDashesAndLineBreaks() {
		Fingerprint fingerprint = KEY.fingerprint();
		String digits = fingerprint.digits();
		assertTrue(Fingerprint.parse(fingerprint.toString()).matches(fingerprint));
		assertTrue(Fingerprint.parse(digits).matches(fingerprint));
		String dashed = digits.substring(0, 30) + "-\n" + digits.substring(30, 45) + " - " + digits.substring(45);
		assertEquals(fingerprint, Fingerprint.parse("  " + dashed + "\t"));
	}

	@Test
	void parsingRefusesWrongLengthsAndLetters() {
		String digits = KEY.fingerprint().digits();
		assertThrows(IllegalArgumentException.class, () -> Fingerprint.parse(digits.substring(1)));
		assertThrows(IllegalArgumentException.class, () -> Fingerprint.parse(digits + "1"));
		assertThrows(IllegalArgumentException.class, () -> Fingerprint.parse("x" + digits.substring(1)));
		assertThrows(IllegalArgumentException.class, () -> new Fingerprint("12345"));
	}

	@Test
	void peerKeys() {
		assertEquals(KEY, PeerKey.of(KEY.bytes()));
		assertThrows(IllegalArgumentException.class, () -> new PeerKey("abc"));
		assertThrows(IllegalArgumentException.class, () -> new PeerKey("zz" + KEY.hex().substring(2)));
		assertThrows(IllegalArgumentException.class, () -> PeerKey.of(new byte[31]));
	}
}
