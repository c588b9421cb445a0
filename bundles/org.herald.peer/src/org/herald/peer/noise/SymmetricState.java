/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.peer.noise;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A SymmetricState (spec section 5.2): the chaining key ck, the handshake hash h and a
 * CipherState, with SHA-256 as HASH and HKDF built on HMAC-SHA256 (sections 4.3, 12.5).
 */
public final class SymmetricState {

	public static final int HASH_LENGTH = 32;

	private final CipherState cipher = new CipherState();
	private byte[] ck;
	private byte[] h;

	/** InitializeSymmetric(protocol_name). */
	SymmetricState(String protocolName) {
		byte[] name = protocolName.getBytes(StandardCharsets.US_ASCII);
		// A name of at most HASHLEN bytes is zero-padded, a longer one hashed.
		h = name.length <= HASH_LENGTH ? Arrays.copyOf(name, HASH_LENGTH) : hash(name);
		ck = h.clone();
	}

	/** MixKey(input_key_material): ck, temp_k = HKDF(ck, ikm, 2); InitializeKey(temp_k). */
	void mixKey(byte[] inputKeyMaterial) {
		byte[][] out = hkdf(ck, inputKeyMaterial, 2);
		ck = out[0];
		cipher.initializeKey(out[1]);
	}

	/** MixHash(data): h = HASH(h || data). */
	void mixHash(byte[] data) {
		MessageDigest digest = sha256();
		digest.update(h);
		digest.update(data);
		h = digest.digest();
	}

	boolean hasKey() {
		return cipher.hasKey();
	}

	/** EncryptAndHash(plaintext): ciphertext = EncryptWithAd(h, plaintext); MixHash(ciphertext). */
	byte[] encryptAndHash(byte[] plaintext) throws NoiseException {
		byte[] ciphertext = cipher.encryptWithAd(h, plaintext);
		mixHash(ciphertext);
		return ciphertext;
	}

	/** DecryptAndHash(ciphertext): plaintext = DecryptWithAd(h, ciphertext); MixHash(ciphertext). */
	byte[] decryptAndHash(byte[] ciphertext) throws NoiseException {
		byte[] plaintext = cipher.decryptWithAd(h, ciphertext);
		mixHash(ciphertext);
		return plaintext;
	}

	/** Split(): two CipherStates, the first for the initiator's messages, the second for the responder's. */
	CipherState[] split() {
		byte[][] out = hkdf(ck, new byte[0], 2);
		CipherState c1 = new CipherState(out[0]);
		CipherState c2 = new CipherState(out[1]);
		Arrays.fill(out[0], (byte) 0);
		Arrays.fill(out[1], (byte) 0);
		Arrays.fill(ck, (byte) 0);
		cipher.destroyKey();
		return new CipherState[] { c1, c2 };
	}

	/** The handshake hash h: after the handshake, a channel binding both sides share. */
	byte[] handshakeHash() {
		return h.clone();
	}

	/** HKDF(chaining_key, input_key_material, num_outputs) of section 4.3, for 2 or 3 outputs. */
	static byte[][] hkdf(byte[] chainingKey, byte[] inputKeyMaterial, int outputs) {
		if (outputs < 2 || outputs > 3) {
			throw new IllegalArgumentException("HKDF gives 2 or 3 outputs");
		}
		byte[] tempKey = hmac(chainingKey, inputKeyMaterial);
		byte[][] out = new byte[outputs][];
		byte[] previous = new byte[0];
		for (int i = 0; i < outputs; i++) {
			byte[] input = Arrays.copyOf(previous, previous.length + 1);
			input[previous.length] = (byte) (i + 1);
			out[i] = hmac(tempKey, input);
			previous = out[i];
		}
		Arrays.fill(tempKey, (byte) 0);
		return out;
	}

	static byte[] hmac(byte[] key, byte[] data) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return mac.doFinal(data);
		} catch (GeneralSecurityException e) {
			throw new IllegalStateException("HMAC-SHA256 is not usable", e);
		}
	}

	static byte[] hash(byte[] data) {
		return sha256().digest(data);
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		} catch (GeneralSecurityException e) {
			throw new IllegalStateException("SHA-256 is not usable", e);
		}
	}
}
