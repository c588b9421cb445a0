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
 * <p>Each process that accepts writes its own journal, {@code journal/<random>.log} under the store's
 * folder, and holds a lock on it while open. Opening the inbox replays every journal nobody holds (a
 * process that died) into the database and deletes it, so a message acknowledged before a crash is in the
 * store after it. Records are {@code length, CRC-32C, payload}; a torn or corrupt tail (the group being
 * written when the process died, never acknowledged) ends the replay of its file.
 *
 * <p>The file is segmented: once the applier reports everything up to a record durably in H2
 * ({@link #release}), the segments holding only such records are deleted, and a current segment with
 * nothing left to apply is emptied.
 */
final class AcceptJournal implements AutoCloseable {

	/** A current segment this large is closed and a new one started (unless it can just be emptied). */
	private static final long SEGMENT_BYTES = 8L << 20;
	private static final int HEADER = 8;
	/** A payload larger than this is corrupt (a message body is at most 1,000,000 characters). */
	private static final int MAX_PAYLOAD = 8 << 20;

	private record Segment(Path file, FileChannel channel, FileLock lock, long lastSeq) {
	}

	private final Path folder;
	private final boolean fsync;
	private final String name = UUID.randomUUID().toString();
	/** Closed segments, oldest first, with the last record each holds. */
	private final Deque<Segment> closed = new ArrayDeque<>();
	private Segment current;
	private int part;
	private long seq;

	/** Starts a journal of this process in {@code storeFolder}/journal. */
	AcceptJournal(Path storeFolder, boolean fsync) throws IOException {
		this.folder = Files.createDirectories(storeFolder.resolve("journal"));
		this.fsync = fsync;
		current = open();
	}

	/**
	 * Creates the next segment under a temporary name, locks it, and only then gives it the name that
	 * {@link #replay} looks at: no other process can take a journal that is still being started.
	 */
	private Segment open() throws IOException {
		Path tmp = folder.resolve(name + "-" + part + ".tmp");
		FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
		try {
			FileLock lock = ch.lock();
			Path file = folder.resolve(name + "-" + part + ".log");
			Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
			part++;
			return new Segment(file, ch, lock, 0);
		} catch (IOException | RuntimeException e) {
			ch.close();
			Files.deleteIfExists(tmp);
			throw e;
		}
	}

	/**
	 * Appends {@code messages} and forces them to disk (unless fsync is off).
	 *
	 * @return the sequence number of the last one (for {@link #release})
	 */
	synchronized long append(List<StoredMessage> messages) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 * messages.size());
		for (StoredMessage m : messages) {
			byte[] payload = encode(m);
			CRC32C crc = new CRC32C();
			crc.update(payload);
			ByteBuffer header = ByteBuffer.allocate(HEADER).putInt(payload.length).putInt((int) crc.getValue());
			bytes.write(header.array());
			bytes.write(payload);
		}
		ByteBuffer all = ByteBuffer.wrap(bytes.toByteArray());
		FileChannel ch = current.channel();
		long start = ch.position();
		try {
			while (all.hasRemaining()) {
				ch.write(all);
			}
			if (fsync) {
				ch.force(false);
			}
		} catch (IOException e) {
			// not acknowledged: take the group off again, so that no torn record ends the file before
			// the groups appended after it; if even that fails, continue in a new segment
			try {
				ch.truncate(start);
				ch.position(start);
			} catch (IOException e2) {
				closed.addLast(current);
				current = open();
			}
			throw e;
		}
		seq += messages.size();
		current = new Segment(current.file(), current.channel(), current.lock(), seq);
		return seq;
	}

	/** The store's folder (whose journal/ this is in). */
	Path folder() {
		return folder.getParent();
	}

	/** The sequence number of the last record appended. */
	synchronized long lastSeq() {
		return seq;
	}

	/** Everything up to {@code durableSeq} is durably in the database: drops what holds only such records. */
	synchronized void release(long durableSeq) throws IOException {
		while (!closed.isEmpty() && closed.peekFirst().lastSeq() <= durableSeq) {
			delete(closed.pollFirst());
		}
		if (current.lastSeq() <= durableSeq) {
			if (current.channel().size() > 0) {
				current.channel().truncate(0);
			}
		} else if (current.channel().size() >= SEGMENT_BYTES) {
			closed.addLast(current);
			current = open();
		}
	}

	private static void delete(Segment s) throws IOException {
		s.channel().close(); // releases the lock (a replay that takes the file now finds its messages in the store)
		Files.deleteIfExists(s.file());
	}

	/** Closes the journal; deletes it if everything in it is in the database ({@code durableSeq}). */
	synchronized void close(long durableSeq) throws IOException {
		release(durableSeq);
		for (Segment s : closed) {
			s.channel().close();
		}
		if (current.lastSeq() <= durableSeq) {
			delete(current);
		} else {
			current.channel().close();
		}
	}

	@Override
	public void close() throws IOException {
		close(-1);
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

	/** The records of a journal file up to its end or its first torn or corrupt record. */
	static List<StoredMessage> read(FileChannel ch) throws IOException {
		List<StoredMessage> out = new ArrayList<>();
		ch.position(0);
		ByteBuffer header = ByteBuffer.allocate(HEADER);
		while (true) {
			header.clear();
			if (!fill(ch, header)) {
				return out;
			}
			int length = header.getInt(0);
			int crc = header.getInt(4);
			if (length <= 0 || length > MAX_PAYLOAD) {
				return out;
			}
			ByteBuffer payload = ByteBuffer.allocate(length);
			if (!fill(ch, payload)) {
				return out;
			}
			CRC32C check = new CRC32C();
			check.update(payload.array());
			if ((int) check.getValue() != crc) {
				return out;
			}
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
