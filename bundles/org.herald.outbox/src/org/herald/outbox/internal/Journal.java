/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.outbox.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.herald.outbox.OutboxEntry;

/**
 * The outbox on disk: an append-only journal ({@code outbox/outbox.journal}), one line per change
 * of an entry, the last line of an id winning. Each change is made under an exclusive lock on
 * {@code outbox/outbox.lock} (other processes on the workspace wait), reads the journal afresh,
 * appends and forces the file to the device before it returns. A torn last line (a crash in the
 * middle of a write) is ignored. When the journal holds four times more lines than entries it is
 * rewritten to a new file, forced, and moved over the old one.
 */
final class Journal {

	/** One lock object per journal file in this process: a file lock is held per process, not per thread. */
	private static final Map<Path, Object> LOCKS = new ConcurrentHashMap<>();

	@FunctionalInterface
	interface Change<T> {
		/** Reads {@code entries} (by id) and returns the entries to write and a result. */
		T apply(Map<Long, OutboxEntry> entries, List<OutboxEntry> writes) throws IOException;
	}

	private final Path dir;
	private final Path file;
	private final Path lockFile;

	Journal(Path workspace) throws IOException {
		this.dir = workspace.resolve("outbox");
		Files.createDirectories(dir);
		this.file = dir.resolve("outbox.journal");
		this.lockFile = dir.resolve("outbox.lock");
	}

	Path file() {
		return file;
	}

	<T> T update(Change<T> change) throws IOException {
		synchronized (LOCKS.computeIfAbsent(file.toAbsolutePath().normalize(), p -> new Object())) {
			try (FileChannel lc = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
					FileLock lock = lc.lock()) {
				int[] lines = { 0 };
				Map<Long, OutboxEntry> entries = read(lines);
				List<OutboxEntry> writes = new ArrayList<>();
				T result = change.apply(entries, writes);
				if (!writes.isEmpty()) {
					for (OutboxEntry e : writes) {
						entries.put(e.id(), e);
					}
					if (lines[0] + writes.size() > 4 * entries.size() + 64) {
						rewrite(entries);
					} else {
						append(writes);
					}
				}
				return result;
			}
		}
	}

	private Map<Long, OutboxEntry> read(int[] lines) throws IOException {
		Map<Long, OutboxEntry> entries = new TreeMap<>();
		if (!Files.exists(file)) {
			return entries;
		}
		String all = Files.readString(file, StandardCharsets.UTF_8);
		int start = 0;
		while (start < all.length()) {
			int end = all.indexOf('\n', start);
			if (end < 0) {
				break; // a torn last line: never acknowledged, so dropped
			}
			String line = all.substring(start, end);
			start = end + 1;
			if (line.isEmpty()) {
				continue;
			}
			try {
				OutboxEntry e = EntryCodec.decode(line);
				entries.put(e.id(), e);
				lines[0]++;
			} catch (IllegalArgumentException ex) {
				// a line of a later format or a damaged one: skipped, the rest stays readable
			}
		}
		if (start < all.length()) {
			try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
				ch.truncate(start); // appends go after the last whole line
				ch.force(true);
			}
		}
		return entries;
	}

	private void append(List<OutboxEntry> writes) throws IOException {
		StringBuilder b = new StringBuilder();
		writes.forEach(e -> b.append(EntryCodec.encode(e)));
		try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
			ByteBuffer buf = ByteBuffer.wrap(b.toString().getBytes(StandardCharsets.UTF_8));
			while (buf.hasRemaining()) {
				ch.write(buf);
			}
			ch.force(true);
		}
	}

	private void rewrite(Map<Long, OutboxEntry> entries) throws IOException {
		Path tmp = dir.resolve("outbox.journal.new");
		StringBuilder b = new StringBuilder();
		entries.values().forEach(e -> b.append(EntryCodec.encode(e)));
		try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
			ByteBuffer buf = ByteBuffer.wrap(b.toString().getBytes(StandardCharsets.UTF_8));
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
