/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.peer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;

/** Files only their owner reads: created with mode 0600, written in full and fsynced before they appear. */
final class SecureFiles {

	static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
	private static final SecureRandom RANDOM = new SecureRandom();

	private SecureFiles() {
	}

	/** Writes a temporary file beside {@code target} with mode 0600 from its creation, fsynced. */
	static Path writeTemporary(Path target, byte[] content) throws IOException {
		byte[] suffix = new byte[6];
		RANDOM.nextBytes(suffix);
		Path temp = target.resolveSibling("." + target.getFileName() + "." + HexFormat.of().formatHex(suffix) + ".tmp");
		Files.createFile(temp, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
		try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
			ByteBuffer buffer = ByteBuffer.wrap(content);
			while (buffer.hasRemaining()) {
				channel.write(buffer);
			}
			channel.force(true);
		} catch (IOException | RuntimeException e) {
			Files.deleteIfExists(temp);
			throw e;
		}
		return temp;
	}

	/** Replaces {@code target} with {@code content} atomically: temporary file, fsync, rename, fsync of the directory. */
	static void replace(Path target, byte[] content) throws IOException {
		Path temp = writeTemporary(target, content);
		try {
			Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		} catch (IOException | RuntimeException e) {
			Files.deleteIfExists(temp);
			throw e;
		}
		syncDirectory(target.getParent());
	}

	/**
	 * Creates {@code target} with {@code content} unless it exists: a hard link to the complete
	 * temporary file, so no other process ever sees it half written and none replaces another's.
	 * Returns false when the file existed already (it is left as it was).
	 */
	static boolean createOnce(Path target, byte[] content) throws IOException {
		Path temp = writeTemporary(target, content);
		try {
			Files.createLink(target, temp);
			syncDirectory(target.getParent());
			return true;
		} catch (FileAlreadyExistsException e) {
			return false;
		} finally {
			Files.deleteIfExists(temp);
		}
	}

	/** Refuses a file that is a link, not a regular file, or has any permission for the group or others. */
	static void checkOwnerOnly(Path file, String what) throws IOException {
		if (Files.isSymbolicLink(file) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
			throw new PeerStoreException(what + " " + file + " is not a regular file: Herald refuses to use it.");
		}
		Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
		if (permissions.stream().anyMatch(p -> !p.name().startsWith("OWNER_"))) {
			throw new PeerStoreException(what + " " + file + " has mode " + PosixFilePermissions.toString(permissions)
					+ ": others may read or change it, so Herald refuses to use it. If nobody else could have read it, run"
					+ " 'chmod 600 " + file + "'; otherwise delete it to make a new identity (your peers will then see"
					+ " a changed key and must verify it again).");
		}
	}

	private static void syncDirectory(Path directory) throws IOException {
		try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
			channel.force(true);
		} catch (IOException e) {
			// Some file systems cannot open a directory for fsync; the rename itself is still atomic.
		}
	}
}
