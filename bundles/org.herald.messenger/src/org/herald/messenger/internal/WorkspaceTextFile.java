/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * A small text file of the workspace that several processes change (the recipient lists, the
 * templates): read whole, changed under an exclusive lock on a file beside it, and replaced
 * durably (a new file, forced to the device, moved over the old one atomically, the directory
 * forced), so a reader sees the old or the new content, never half of one.
 */
public final class WorkspaceTextFile {

	/** A change made while the lock is held; it may throw what it likes. */
	@FunctionalInterface
	public interface Change<T> {
		T apply() throws IOException;
	}

	private final Path file;
	private final Path lock;

	public WorkspaceTextFile(Path file) {
		this.file = file;
		this.lock = file.resolveSibling(file.getFileName() + ".lock");
	}

	public Path path() {
		return file;
	}

	/** The lines of the file; none when it does not exist yet. */
	public List<String> lines() throws IOException {
		try {
			return Files.readAllLines(file, StandardCharsets.UTF_8);
		} catch (NoSuchFileException e) {
			return List.of();
		}
	}

	/** Runs {@code change} holding the exclusive lock that every writer of this file takes (across processes). */
	public <T> T locked(Change<T> change) throws IOException {
		Files.createDirectories(file.getParent());
		try (FileChannel ch = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE); FileLock held = ch.lock()) {
			return change.apply();
		}
	}

	/** Replaces the file with {@code content}: new file, force, atomic move, force of the directory. */
	public void replace(String content) throws IOException {
		Path dir = file.getParent();
		Files.createDirectories(dir);
		Path tmp = dir.resolve("." + file.getFileName() + ".new");
		try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
			ByteBuffer buf = ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8));
			while (buf.hasRemaining()) {
				ch.write(buf);
			}
			ch.force(true);
		}
		Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
			d.force(true);
		} catch (IOException e) {
			// not every file system lets a directory be forced; the move is atomic either way
		}
	}
}
