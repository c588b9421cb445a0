/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.peer.noise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

class CipherStateTest {

	private static final byte[] KEY = HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
	private static final byte[] AD = "ad".getBytes(StandardCharsets.US_ASCII);

	@Test
	void nonceIsFourZeroBytesThenLittleEndianCounter() {
		assertEquals("000000000807060504030201", HexFormat.of().formatHex(CipherState.nonceBytes(0x0102030405060708L)));
		assertEquals("00000000ffffffffffffffff", HexFormat.of().formatHex(CipherState.nonceBytes(CipherState.MAX_NONCE)));
	}

	@Test
	void withoutKeyPlaintextPassesThrough() throws Exception {
		CipherState empty = new CipherState();
		assertFalse(empty.hasKey());
		assertArrayEquals(AD, empty.encryptWithAd(new byte[0], AD));
		assertEquals(0, empty.nonce());
	}

	@Test
	void sealsAndOpensWithCountingNonces() throws Exception {
		CipherState sender = new CipherState(KEY);
		CipherState receiver = new CipherState(KEY);
		byte[] message = "hello".getBytes(StandardCharsets.US_ASCII);
		byte[] first = sender.encryptWithAd(AD, message);
		byte[] second = sender.encryptWithAd(AD, message);
		assertEquals(message.length + CipherState.TAG_LENGTH, first.length);
		// A fresh Cipher per operation: the same plaintext under the next nonce, no JDK refusal.
		assertFalse(Arrays.equals(first, second));
		assertEquals(2, sender.nonce());
		assertArrayEquals(message, receiver.decryptWithAd(AD, first));
		assertArrayEquals(message, receiver.decryptWithAd(AD, second));
	}

	@Test
	void authenticationFailureLeavesNonceAlone() throws Exception {
		CipherState sender = new CipherState(KEY);
		CipherState receiver = new CipherState(KEY);
		byte[] sealed = sender.encryptWithAd(AD, new byte[] { 1, 2, 3 });
		byte[] altered = sealed.clone();
		altered[0] ^= 1;
		assertThrows(NoiseException.class, () -> receiver.decryptWithAd(AD, altered));
		assertThrows(NoiseException.class, () -> receiver.decryptWithAd("other".getBytes(StandardCharsets.US_ASCII), sealed));
		assertThrows(NoiseException.class, () -> receiver.decryptWithAd(AD, new byte[15]));
		assertEquals(0, receiver.nonce());
		assertArrayEquals(new byte[] { 1, 2, 3 }, receiver.decryptWithAd(AD, sealed));
	}

	@Test
	void reservedNonceIsNeverUsed() {
		CipherState state = new CipherState(KEY);
		state.setNonce(CipherState.MAX_NONCE);
		assertThrows(NoiseException.class, () -> state.encryptWithAd(AD, new byte[1]));
		assertThrows(NoiseException.class, () -> state.decryptWithAd(AD, new byte[17]));
	}

	@Test
	void explicitNonce() throws Exception {
		CipherState sender = new CipherState(KEY);
		sender.setNonce(41);
		byte[] sealed = sender.encryptWithAd(AD, new byte[] { 9 });
		CipherState receiver = new CipherState(KEY);
		receiver.setNonce(41);
		assertArrayEquals(new byte[] { 9 }, receiver.decryptWithAd(AD, sealed));
		assertEquals(42, receiver.nonce());
	}

	@Test
	void rekeyKeepsBothSidesInStep() throws Exception {
		CipherState sender = new CipherState(KEY);
		CipherState receiver = new CipherState(KEY);
		CipherState stale = new CipherState(KEY);
		sender.rekey();
		receiver.rekey();
		byte[] sealed = sender.encryptWithAd(AD, new byte[] { 7 });
		assertArrayEquals(new byte[] { 7 }, receiver.decryptWithAd(AD, sealed));
		assertThrows(NoiseException.class, () -> stale.decryptWithAd(AD, sealed));
	}
}
