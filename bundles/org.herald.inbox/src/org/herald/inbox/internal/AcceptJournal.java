/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.inbox.internal;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.zip.CRC32C;

import org.herald.api.MessagePath;
import org.herald.api.ReceivedMessage;
import org.herald.api.StoredMessage;

/**
 * The write-ahead journal in front of the database: {@code accept()} appends its messages here and
 * forces them to disk (one fsync for a whole group), and only then answers; a {@link JournalApplier}
 * moves them into H2 in large transactions afterwards. A message costs the disk one small append
 * instead of a commit that rewrites every B-tree page on its path in H2's append-only store.
 *
 * <p>Each process that accepts writes its own journal, {@code journal/<random>-<n>.log} under the store's
 * folder (created at its first append), and holds a lock on it while open. Opening the inbox replays every
 * journal nobody holds (a process that died) into the database and deletes it, so a message acknowledged
 * before a crash is in the store after it. Records are {@code length, CRC-32C, sequence number, payload};
 * a torn or corrupt record, or one whose sequence number does not follow the one before (left from before
 * the segment was rewound), ends the replay of its file. Only acknowledged groups were forced to disk, so
 * nothing acknowledged lies beyond such an end.
 *
 * <p>A segment is written full of zeros and forced to disk when it is created, and then overwritten in
 * place: an fsync then has no file size to commit, so on ext4 it does not wait for the file system's own
 * journal and with it for the database's writes on the same disk. Once the applier reports everything up
 * to a record durably in H2 ({@link #release}), the closed segments holding only such records are deleted,
 * and the current one is rewound to its start.
 */
final class AcceptJournal {

	/** The size of a segment (more for a group that does not fit). */
	private static final int SEGMENT_BYTES = 4 << 20;
	private static final int HEADER = 16;
	/** A payload larger than this is corrupt (a message body is at most 1,000,000 characters). */
	private static final int MAX_PAYLOAD = 8 << 20;

	private static final class Segment {
		final Path file;
		final FileChannel channel;
		final long capacity;
		long lastSeq;

		Segment(Path file, FileChannel channel, long capacity) {
			this.file = file;
			this.channel = channel;
			this.capacity = capacity;
		}
	}

	private final Path folder;
	private final boolean fsync;
	private final String name = UUID.randomUUID().toString();
	/** Closed segments, oldest first, with the last record each holds. */
	private final Deque<Segment> closed = new ArrayDeque<>();
	/** Null until the first append. */
	private Segment current;
	private int part;
	private long seq;

	/** A journal of this process in {@code storeFolder}/journal; its first segment is made at the first append. */
	AcceptJournal(Path storeFolder, boolean fsync) throws IOException {
		this.folder = Files.createDirectories(storeFolder.resolve("journal"));
		this.fsync = fsync;
	}

	/**
	 * Creates the next segment under a temporary name, locks it, fills it with zeros, forces it to disk,
	 * and only then gives it the name that {@link #replay} looks at (and forces the folder): no other
	 * process takes a journal that is still being made, and the name is on disk before any record is.
	 */
	private Segment open(long atLeast) throws IOException {
		Path tmp = folder.resolve(name + "-" + part + ".tmp");
		FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE);
		try {
			ch.lock();
			long capacity = Math.max(SEGMENT_BYTES, atLeast + HEADER);
			ByteBuffer zeros = ByteBuffer.allocate(64 << 10);
			for (long at = 0; at < capacity; at += zeros.capacity()) {
				zeros.clear().limit((int) Math.min(zeros.capacity(), capacity - at));
				while (zeros.hasRemaining()) {
					ch.write(zeros);
				}
			}
			ch.force(true);
			ch.position(0);
			Path file = folder.resolve(name + "-" + part + ".log");
			Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
			forceFolder();
			part++;
			return new Segment(file, ch, capacity);
		} catch (IOException | RuntimeException e) {
			ch.close();
			Files.deleteIfExists(tmp);
			throw e;
		}
	}

	private void forceFolder() {
		try (FileChannel dir = FileChannel.open(folder, StandardOpenOption.READ)) {
			dir.force(true);
		} catch (IOException e) {
			// a folder cannot be opened for this on some systems (Windows), which keep a rename without it
		}
	}

	/**
	 * Appends {@code messages} and forces them to disk (unless fsync is off).
	 *
	 * @return the sequence number of the last one (for {@link #release})
	 */
	synchronized long append(List<StoredMessage> messages) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 * messages.size());
		long next = seq;
		for (StoredMessage m : messages) {
			byte[] payload = encode(m);
			next++;
			ByteBuffer header = ByteBuffer.allocate(HEADER).putInt(payload.length).putInt(crc(next, payload)).putLong(next);
			bytes.write(header.array());
			bytes.write(payload);
		}
		ByteBuffer all = ByteBuffer.wrap(bytes.toByteArray());
		if (current == null || current.channel.position() + all.remaining() + HEADER > current.capacity) {
			if (current != null) {
				closed.addLast(current);
			}
			current = open(all.remaining());
		}
		FileChannel ch = current.channel;
		long start = ch.position();
		try {
			while (all.hasRemaining()) {
				ch.write(all);
			}
			if (fsync) {
				ch.force(false);
			}
		} catch (IOException e) {
			// not acknowledged: continue in a new segment, so that the replay of this one ends before the
			// group whatever of it reached the disk (a later group would follow a gap in the numbers)
			try {
				ch.position(start);
			} catch (IOException ignored) {
				// the new segment starts clean anyway
			}
			closed.addLast(current);
			current = null;
			throw e;
		}
		seq = next;
		current.lastSeq = seq;
		return seq;
	}

	private static int crc(long seq, byte[] payload) {
		CRC32C crc = new CRC32C();
		crc.update(ByteBuffer.allocate(8).putLong(0, seq));
		crc.update(payload);
		return (int) crc.getValue();
	}

	/** The store's folder (whose journal/ this is in). */
	Path folder() {
		return folder.getParent();
	}

	/** The sequence number of the last record appended. */
	synchronized long lastSeq() {
		return seq;
	}

	/**
	 * Everything up to {@code durableSeq} is durably in the database: deletes the closed segments that
	 * hold only such records, and rewinds the current one if it does (its first header zeroed and forced,
	 * so that a replay finds nothing in it until the next group is written).
	 */
	synchronized void release(long durableSeq) throws IOException {
		while (!closed.isEmpty() && closed.peekFirst().lastSeq <= durableSeq) {
			delete(closed.pollFirst());
		}
		if (current != null && current.lastSeq <= durableSeq && current.channel.position() > 0) {
			FileChannel ch = current.channel;
			ByteBuffer zero = ByteBuffer.allocate(HEADER);
			while (zero.hasRemaining()) {
				ch.write(zero, zero.position());
			}
			if (fsync) {
				ch.force(false);
			}
			ch.position(0);
		}
	}

	private static void delete(Segment s) throws IOException {
		s.channel.close(); // releases the lock (a replay that takes the file now finds its messages in the store)
		Files.deleteIfExists(s.file);
	}

	/** Closes the journal; deletes what of it is in the database ({@code durableSeq}) and keeps the rest for a replay. */
	synchronized void close(long durableSeq) throws IOException {
		release(durableSeq);
		for (Segment s : closed) {
			s.channel.close();
		}
		closed.clear();
		if (current != null) {
			if (current.lastSeq <= durableSeq) {
				delete(current);
			} else {
				current.channel.close();
			}
			current = null;
		}
	}

	/** What the replay of the journals of processes that are gone did. */
	record Replayed(int files, int messages, int inserted) {
	}

	/** Inserts the messages of a journal into the database (those not there yet), durably. */
	interface Sink {
		int insertMissing(List<StoredMessage> messages) throws SQLException;
	}

	/**
	 * Moves the journals of {@code storeFolder} that no process holds into the database through
	 * {@code sink} and deletes them once it returned (it commits durably). A journal another process
	 * (or another inbox of this process) holds is left alone.
	 */
	static Replayed replay(Path storeFolder, Sink sink) throws IOException, SQLException {
		Path dir = storeFolder.resolve("journal");
		if (!Files.isDirectory(dir)) {
			return new Replayed(0, 0, 0);
		}
		List<Path> files = new ArrayList<>();
		try (DirectoryStream<Path> logs = Files.newDirectoryStream(dir, "*.log")) {
			logs.forEach(files::add);
		}
		try (DirectoryStream<Path> unfinished = Files.newDirectoryStream(dir, "*.tmp")) {
			for (Path tmp : unfinished) { // a segment whose making a process did not finish: no records
				deleteIfNobodyHolds(tmp);
			}
		}
		files.sort(null); // a journal's segments in order: <name>-<part>.log
		int n = 0, messages = 0, inserted = 0;
		for (Path file : files) {
			List<StoredMessage> found;
			try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
				FileLock lock;
				try {
					lock = ch.tryLock();
				} catch (OverlappingFileLockException ours) {
					continue; // an inbox of this process writes it
				}
				if (lock == null) {
					continue; // a living process writes it
				}
				found = read(ch);
				if (!found.isEmpty()) {
					inserted += sink.insertMissing(found);
				}
			} catch (java.nio.file.NoSuchFileException gone) {
				continue; // replayed by another process meanwhile
			}
			messages += found.size();
			n++;
			Files.deleteIfExists(file); // after the lock is released (Windows deletes no open file)
		}
		return new Replayed(n, messages, inserted);
	}

	private static void deleteIfNobodyHolds(Path file) {
		try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
			if (ch.tryLock() == null) {
				return;
			}
		} catch (IOException | OverlappingFileLockException e) {
			return; // being made right now, here or elsewhere
		}
		try {
			Files.deleteIfExists(file);
		} catch (IOException e) {
			// the next replay tries again
		}
	}

	/**
	 * The records of a journal file up to its end: zeros, a torn or corrupt record, or one whose sequence
	 * number does not follow the one before.
	 */
	static List<StoredMessage> read(FileChannel ch) throws IOException {
		List<StoredMessage> out = new ArrayList<>();
		ch.position(0);
		ByteBuffer header = ByteBuffer.allocate(HEADER);
		long expected = -1;
		while (true) {
			header.clear();
			if (!fill(ch, header)) {
				return out;
			}
			int length = header.getInt(0);
			int crc = header.getInt(4);
			long recordSeq = header.getLong(8);
			if (length <= 0 || length > MAX_PAYLOAD || (expected >= 0 && recordSeq != expected)) {
				return out;
			}
			ByteBuffer payload = ByteBuffer.allocate(length);
			if (!fill(ch, payload)) {
				return out;
			}
			if (crc(recordSeq, payload.array()) != crc) {
				return out;
			}
			expected = recordSeq + 1;
			try {
				out.add(decode(payload.array()));
			} catch (IOException | RuntimeException corrupt) {
				return out;
			}
		}
	}

	private static boolean fill(FileChannel ch, ByteBuffer b) throws IOException {
		while (b.hasRemaining()) {
			if (ch.read(b) < 0) {
				return false;
			}
		}
		return true;
	}

	static byte[] encode(StoredMessage stored) throws IOException {
		ReceivedMessage m = stored.message();
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(128 + m.text().length());
		DataOutputStream out = new DataOutputStream(bytes);
		out.writeByte(1); // record version
		out.writeLong(stored.id());
		out.writeInt(FlagBits.of(m.flags()));
		out.writeLong(m.received().getEpochSecond());
		out.writeInt(m.received().getNano());
		string(out, m.senderName());
		string(out, m.senderAddress().getHostAddress());
		string(out, m.recipientName());
		string(out, m.path().name());
		string(out, m.text());
		out.flush();
		return bytes.toByteArray();
	}

	private static void string(DataOutputStream out, String s) throws IOException {
		byte[] b = s.getBytes(StandardCharsets.UTF_8);
		out.writeInt(b.length);
		out.write(b);
	}

	static StoredMessage decode(byte[] payload) throws IOException {
		DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(payload));
		if (in.readByte() != 1) {
			throw new IOException("unknown journal record version");
		}
		long id = in.readLong();
		int flags = in.readInt();
		Instant received = Instant.ofEpochSecond(in.readLong(), in.readInt());
		String sender = string(in);
		InetAddress address;
		try {
			address = MessageTable.address(string(in));
		} catch (SQLException e) {
			throw new IOException(e.getMessage(), e);
		}
		String recipient = string(in);
		MessagePath path = MessagePath.valueOf(string(in));
		String text = string(in);
		return new StoredMessage(id, new ReceivedMessage(sender, address, recipient, path, received, text, FlagBits.flags(flags)), false);
	}

	private static String string(DataInputStream in) throws IOException {
		int n = in.readInt();
		if (n < 0 || n > MAX_PAYLOAD) {
			throw new EOFException("bad string length " + n);
		}
		return new String(in.readNBytes(n), StandardCharsets.UTF_8);
	}
}
