/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.peer.noise;

import java.security.GeneralSecurityException;
import java.util.Arrays;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A CipherState (spec section 5.1): a key k (or none) and a 64-bit nonce n, with ChaChaPoly as the
 * cipher (section 12.3). Not thread-safe: one sender or one receiver uses it at a time.
 *
 * <p>The JDK's ChaCha20-Poly1305 Cipher refuses to be re-initialised with the key and nonce it was
 * last used with, so every operation takes a Cipher of its own.
 */
public final class CipherState {

	public static final int KEY_LENGTH = 32;
	public static final int TAG_LENGTH = 16;
	/** 2^64-1, reserved (section 5.1): no message is ever encrypted or decrypted with it. */
	public static final long MAX_NONCE = 0xFFFF_FFFF_FFFF_FFFFL;

	private byte[] k;
	private long n;

	CipherState() {
	}

	CipherState(byte[] key) {
		initializeKey(key);
	}

	/** InitializeKey(key): sets k (null for empty) and n = 0. */
	void initializeKey(byte[] key) {
		if (key != null && key.length != KEY_LENGTH) {
			throw new IllegalArgumentException("a cipher key has 32 bytes");
		}
		destroyKey();
		k = key == null ? null : key.clone();
		n = 0;
	}

	public boolean hasKey() {
		return k != null;
	}

	/** SetNonce(nonce), for explicit nonces carried in transport frames (section 11.4). */
	public void setNonce(long nonce) {
		n = nonce;
	}

	/** The nonce the next message will use (unsigned). */
	public long nonce() {
		return n;
	}

	/** EncryptWithAd(ad, plaintext): ENCRYPT(k, n++, ad, plaintext), or the plaintext itself without a key. */
	public byte[] encryptWithAd(byte[] ad, byte[] plaintext) throws NoiseException {
		if (k == null) {
			return plaintext.clone();
		}
		checkNonce();
		byte[] ciphertext = encrypt(k, n, ad, plaintext);
		n++;
		return ciphertext;
	}

	/** DecryptWithAd(ad, ciphertext): on an authentication failure n is not incremented. */
	public byte[] decryptWithAd(byte[] ad, byte[] ciphertext) throws NoiseException {
		if (k == null) {
			return ciphertext.clone();
		}
		checkNonce();
		byte[] plaintext = decrypt(k, n, ad, ciphertext);
		n++;
		return plaintext;
	}

	/** Rekey(): k = REKEY(k), the first 32 bytes of ENCRYPT(k, maxnonce, zerolen, zeros) (section 4.2). */
	public void rekey() throws NoiseException {
		if (k == null) {
			throw new IllegalStateException("no key to rekey");
		}
		byte[] next = Arrays.copyOf(encrypt(k, MAX_NONCE, new byte[0], new byte[KEY_LENGTH]), KEY_LENGTH);
		destroyKey();
		k = next;
	}

	/** Overwrites the key. */
	public void destroyKey() {
		if (k != null) {
			Arrays.fill(k, (byte) 0);
			k = null;
		}
	}

	private void checkNonce() throws NoiseException {
		if (n == MAX_NONCE) {
			throw new NoiseException("nonce exhausted: the session must end or rekey");
		}
	}

	/** The 96-bit ChaChaPoly nonce: 32 bits of zeros, then n little-endian (section 12.3). */
	static byte[] nonceBytes(long n) {
		byte[] nonce = new byte[12];
		for (int i = 0; i < 8; i++) {
			nonce[4 + i] = (byte) (n >>> (8 * i));
		}
		return nonce;
	}

	static byte[] encrypt(byte[] key, long nonce, byte[] ad, byte[] plaintext) throws NoiseException {
		try {
			Cipher cipher = cipher(Cipher.ENCRYPT_MODE, key, nonce);
			cipher.updateAAD(ad);
			return cipher.doFinal(plaintext);
		} catch (GeneralSecurityException e) {
			throw new IllegalStateException("ChaCha20-Poly1305 is not usable", e);
		}
	}

	static byte[] decrypt(byte[] key, long nonce, byte[] ad, byte[] ciphertext) throws NoiseException {
		if (ciphertext.length < TAG_LENGTH) {
			throw new NoiseException("ciphertext shorter than its authentication tag");
		}
		try {
			Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, nonce);
			cipher.updateAAD(ad);
			return cipher.doFinal(ciphertext);
		} catch (AEADBadTagException e) {
			throw new NoiseException("authentication failed", e);
		} catch (GeneralSecurityException e) {
			throw new IllegalStateException("ChaCha20-Poly1305 is not usable", e);
		}
	}

	private static Cipher cipher(int mode, byte[] key, long nonce) throws GeneralSecurityException {
		Cipher cipher = Cipher.getInstance("ChaCha20-Poly1305");
		cipher.init(mode, new SecretKeySpec(key, "ChaCha20"), new IvParameterSpec(nonceBytes(nonce)));
		return cipher;
	}
}
