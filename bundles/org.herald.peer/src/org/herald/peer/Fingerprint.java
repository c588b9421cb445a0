/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.peer;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A fingerprint two administrators read to each other by phone, like Signal's safety numbers:
 * 60 decimal digits in 12 groups of 5. The digits are SHA-256(domain || 0x00 || key) as an unsigned
 * number, modulo 10^60: about 199 bits of the hash (the bias of the reduction is below 2^-56).
 */
public record Fingerprint(String digits) {

	public static final int DIGITS = 60;
	public static final int GROUP = 5;
	/** Domain separation: these digits are never confused with another use of the same key's hash. */
	static final String DOMAIN = "org.herald.peer fingerprint v1 X25519";
	private static final BigInteger MODULUS = BigInteger.TEN.pow(DIGITS);

	public Fingerprint {
		if (digits == null || digits.length() != DIGITS || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
			throw new IllegalArgumentException("a fingerprint has 60 digits");
		}
	}

	public static Fingerprint of(PeerKey key) {
		MessageDigest sha256;
		try {
			sha256 = MessageDigest.getInstance("SHA-256");
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is not usable", e);
		}
		sha256.update(DOMAIN.getBytes(StandardCharsets.US_ASCII));
		sha256.update((byte) 0);
		sha256.update(key.bytes());
		String number = new BigInteger(1, sha256.digest()).mod(MODULUS).toString();
		return new Fingerprint("0".repeat(DIGITS - number.length()) + number);
	}

	/**
	 * Parses a fingerprint as people type or paste it: digits, with any spaces, tabs, dashes or
	 * dots between them.
	 */
	public static Fingerprint parse(String text) {
		StringBuilder digits = new StringBuilder(DIGITS);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c >= '0' && c <= '9') {
				digits.append(c);
			} else if (!(Character.isWhitespace(c) || c == '-' || c == '.')) {
				throw new IllegalArgumentException("a fingerprint has digits, spaces and dashes only, not '" + c + "'");
			}
		}
		if (digits.length() != DIGITS) {
			throw new IllegalArgumentException("a fingerprint has 60 digits, this one " + digits.length());
		}
		return new Fingerprint(digits.toString());
	}

	/** Compares in time independent of where the digits differ. */
	public boolean matches(Fingerprint other) {
		return MessageDigest.isEqual(digits.getBytes(StandardCharsets.US_ASCII), other.digits.getBytes(StandardCharsets.US_ASCII));
	}

	/** The digits in 12 groups of 5, e.g. {@code 05263 11857 ...}. */
	@Override
	public String toString() {
		StringBuilder b = new StringBuilder(DIGITS + DIGITS / GROUP);
		for (int i = 0; i < DIGITS; i += GROUP) {
			if (i > 0) {
				b.append(' ');
			}
			b.append(digits, i, i + GROUP);
		}
		return b.toString();
	}
}
