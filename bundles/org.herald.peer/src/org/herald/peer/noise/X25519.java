/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.peer.noise;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPrivateKeySpec;
import java.security.spec.XECPublicKeySpec;

import javax.crypto.KeyAgreement;

/**
 * Noise's DH functions for curve 25519 (spec section 12.1) on the JDK's XDH provider. Keys are
 * 32-byte little-endian strings as in RFC 7748; the JDK's public keys are BigInteger u-coordinates.
 */
public final class X25519 {

	public static final int KEY_LENGTH = 32;

	/** The base point, u = 9 (RFC 7748 section 4.1). */
	private static final byte[] BASE_POINT = new byte[KEY_LENGTH];
	static {
		BASE_POINT[0] = 9;
	}

	private X25519() {
	}

	/** GENERATE_KEYPAIR(): 32 random bytes, clamped. */
	public static DhKeyPair generateKeyPair(SecureRandom random) {
		byte[] scalar = new byte[KEY_LENGTH];
		random.nextBytes(scalar);
		return keyPair(scalar);
	}

	/** The key pair of a given private key (clamped first, RFC 7748 section 5). */
	public static DhKeyPair keyPair(byte[] privateKey) {
		byte[] scalar = clamp(privateKey);
		try {
			return new DhKeyPair(scalar, dh(scalar, BASE_POINT));
		} catch (NoiseException e) {
			throw new IllegalStateException("X25519 of the base point failed", e);
		}
	}

	/** decodeScalar25519 (RFC 7748 section 5): clear bits 0-2 and 255, set bit 254. */
	static byte[] clamp(byte[] privateKey) {
		if (privateKey.length != KEY_LENGTH) {
			throw new IllegalArgumentException("an X25519 private key has 32 bytes, not " + privateKey.length);
		}
		byte[] k = privateKey.clone();
		k[0] &= (byte) 248;
		k[31] &= 127;
		k[31] |= 64;
		return k;
	}

	/**
	 * DH(key_pair, public_key): the 32-byte shared secret. An all-zero result (a low-order public
	 * key) is refused by the JDK and raised as {@link NoiseException} (spec section 12.1 allows either).
	 */
	public static byte[] dh(byte[] privateKey, byte[] publicKey) throws NoiseException {
		if (publicKey.length != KEY_LENGTH) {
			throw new NoiseException("an X25519 public key has 32 bytes, not " + publicKey.length);
		}
		try {
			KeyFactory factory = KeyFactory.getInstance("X25519");
			PrivateKey priv = factory.generatePrivate(new XECPrivateKeySpec(NamedParameterSpec.X25519, privateKey.clone()));
			PublicKey pub = factory.generatePublic(new XECPublicKeySpec(NamedParameterSpec.X25519, decodeU(publicKey)));
			KeyAgreement agreement = KeyAgreement.getInstance("X25519");
			agreement.init(priv);
			agreement.doPhase(pub, true);
			return agreement.generateSecret();
		} catch (GeneralSecurityException | IllegalStateException e) {
			throw new NoiseException("X25519 key agreement failed: " + e.getMessage(), e);
		}
	}

	/** decodeUCoordinate (RFC 7748 section 5): little-endian, the top bit masked. */
	static BigInteger decodeU(byte[] u) {
		byte[] bigEndian = new byte[KEY_LENGTH];
		for (int i = 0; i < KEY_LENGTH; i++) {
			bigEndian[i] = u[KEY_LENGTH - 1 - i];
		}
		bigEndian[0] &= 127;
		return new BigInteger(1, bigEndian);
	}
}
