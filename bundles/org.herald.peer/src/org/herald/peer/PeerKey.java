/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.peer;

import java.util.HexFormat;

/** A peer's long-term X25519 public key, as 64 lower-case hex digits (32 bytes, RFC 7748 encoding). */
public record PeerKey(String hex) {

	public static final int LENGTH = 32;
	private static final HexFormat HEX = HexFormat.of();

	public PeerKey {
		if (hex == null || hex.length() != 2 * LENGTH) {
			throw new IllegalArgumentException("a peer key has 64 hex digits");
		}
		hex = hex.toLowerCase(java.util.Locale.ROOT);
		for (int i = 0; i < hex.length(); i++) {
			if (Character.digit(hex.charAt(i), 16) < 0) {
				throw new IllegalArgumentException("a peer key has hex digits only: " + hex);
			}
		}
	}

	public static PeerKey of(byte[] bytes) {
		if (bytes.length != LENGTH) {
			throw new IllegalArgumentException("a peer key has 32 bytes, not " + bytes.length);
		}
		return new PeerKey(HEX.formatHex(bytes));
	}

	public byte[] bytes() {
		return HEX.parseHex(hex);
	}

	public Fingerprint fingerprint() {
		return Fingerprint.of(this);
	}
}
