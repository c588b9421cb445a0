/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.peer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import org.herald.peer.noise.DhKeyPair;
import org.herald.peer.noise.X25519;

/**
 * This Herald's long-term X25519 key pair, made on first use and kept in {@value #FILE_NAME} in the
 * workspace. The file is created with mode 0600 and complete before it appears; a key file that the
 * group or others may read is refused with a message that says what to do.
 */
public final class IdentityKey {

	public static final String FILE_NAME = "peer-identity.key";
	static final String HEADER = "# Herald peer identity: this computer's X25519 private key. Keep it secret (mode 0600).";

	private final DhKeyPair keyPair;
	private final Path file;

	private IdentityKey(DhKeyPair keyPair, Path file) {
		this.keyPair = keyPair;
		this.file = file;
	}

	/** The identity in {@code directory} (usually the workspace), made now if there is none. */
	public static IdentityKey loadOrCreate(Path directory) throws IOException {
		Files.createDirectories(directory);
		Path file = directory.resolve(FILE_NAME);
		if (!Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
			DhKeyPair fresh = X25519.generateKeyPair(new SecureRandom());
			byte[] content = encode(fresh);
			boolean created = SecureFiles.createOnce(file, content);
			Arrays.fill(content, (byte) 0);
			if (created) {
				return new IdentityKey(fresh, file);
			}
			fresh.destroy();
			// Another process made it first: use theirs.
		}
		return load(file);
	}

	/** The identity in an existing key file. */
	public static IdentityKey load(Path file) throws IOException {
		SecureFiles.checkOwnerOnly(file, "The identity key file");
		List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII).stream()
				.map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
		if (lines.size() != 1 || lines.get(0).length() != 64 || !lines.get(0).chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
			throw new PeerStoreException("The identity key file " + file + " does not hold one key of 64 hex digits."
					+ " Herald changed nothing; restore it from a backup, or delete it to make a new identity"
					+ " (your peers will then see a changed key).");
		}
		byte[] privateKey = HexFormat.of().parseHex(lines.get(0));
		try {
			return new IdentityKey(X25519.keyPair(privateKey), file);
		} finally {
			Arrays.fill(privateKey, (byte) 0);
		}
	}

	private static byte[] encode(DhKeyPair pair) {
		byte[] privateKey = pair.privateKey();
		String text = HEADER + "\n" + HexFormat.of().formatHex(privateKey) + "\n";
		Arrays.fill(privateKey, (byte) 0);
		return text.getBytes(StandardCharsets.US_ASCII);
	}

	public PeerKey publicKey() {
		return PeerKey.of(keyPair.publicKey());
	}

	public Fingerprint fingerprint() {
		return publicKey().fingerprint();
	}

	public Path file() {
		return file;
	}

	DhKeyPair keyPair() {
		return keyPair;
	}

	@Override
	public String toString() {
		return "IdentityKey[" + publicKey().hex() + "]";
	}
}
