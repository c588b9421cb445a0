/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.peer.noise;

import java.util.Arrays;

/** An X25519 key pair: the clamped 32-byte private scalar and its 32-byte public u-coordinate. */
public final class DhKeyPair {

	private final byte[] privateKey;
	private final byte[] publicKey;

	DhKeyPair(byte[] privateKey, byte[] publicKey) {
		this.privateKey = privateKey.clone();
		this.publicKey = publicKey.clone();
	}

	public byte[] privateKey() {
		return privateKey.clone();
	}

	public byte[] publicKey() {
		return publicKey.clone();
	}

	byte[] privateKeyUnsafe() {
		return privateKey;
	}

	/** Overwrites the private key; the pair is unusable afterwards. */
	public void destroy() {
		Arrays.fill(privateKey, (byte) 0);
	}

	@Override
	public String toString() {
		return "DhKeyPair[public=" + java.util.HexFormat.of().formatHex(publicKey) + "]";
	}
}
