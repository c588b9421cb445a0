/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.inbox.internal;

import java.io.IOException;
import java.lang.reflect.Field;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The H2 database behind an inbox: where its files are, how to connect, and a small pool of connections.
 *
 * <p><b>Several processes.</b> H2 lets one process open a database file. With {@code AUTO_SERVER=TRUE}
 * the first process opens it embedded and also serves it over TCP; later processes connect to that
 * server (its address is in {@code inbox.lock.db}), and when the first one goes away another takes over
 * (H2 then reconnects automatically). H2's server socket binds to all interfaces unless the system
 * property {@code h2.bindAddress} is set before H2 is first used, and it accepts remote clients in this
 * mode: this class sets the property to 127.0.0.1 and refuses to open the store if H2 did not take it.
 * The database user has a random password kept in {@code inbox.secret} (owner-only where the file
 * system has POSIX permissions), so other local users cannot read the inbox through that port.
 *
 * <p><b>Durability.</b> A message is acknowledged only after {@link #sync} ({@code CHECKPOINT SYNC})
 * wrote its commit and forced it to the disk. Other changes (read marks, deletions, lists) reach the
 * file when they commit ({@code WRITE_DELAY=0}) and the disk within a second ({@link StoreCompaction}).
 *
 * <p><b>Size.</b> The process that holds the file keeps it compact while open ({@link StoreCompaction})
 * and shrinks it for up to 5 s when it closes ({@code MAX_COMPACT_TIME}).
 */
final class InboxDatabase implements AutoCloseable {

	static final String BIND_ADDRESS_PROPERTY = "h2.bindAddress";

	static {
		if (System.getProperty(BIND_ADDRESS_PROPERTY) == null) {
			System.setProperty(BIND_ADDRESS_PROPERTY, "127.0.0.1");
		}
		// under OSGi, DriverManager's service lookup does not see bundles: register H2's driver directly
		org.h2.Driver.load();
	}

	private static final String USER = "HERALD";
	private static final int MAX_IDLE = 4;

	private final Path folder;
	private final String url;
	private final String password;
	private final BlockingQueue<Connection> idle = new ArrayBlockingQueue<>(MAX_IDLE);
	private final Optional<StoreCompaction> compaction;
	private volatile boolean closed;

	/** Opens (creating if needed) the database in {@code <workspace>/.herald/inbox}. */
	InboxDatabase(Path workspace) throws IOException {
		this.folder = folderOf(workspace);
		Files.createDirectories(folder);
		checkServerBindsToLoopback();
		this.password = secret(folder.resolve("inbox.secret"));
		this.url = urlOf(folder);
		try {
			Connection first = open();
			compaction = StoreCompaction.startFor(first);
			release(first);
		} catch (SQLException e) {
			throw new IOException("cannot open the inbox database in " + folder + ": " + e.getMessage(), e);
		}
	}

	private static Path folderOf(Path workspace) {
		return workspace.toAbsolutePath().normalize().resolve(".herald");
	}

	private static String urlOf(Path folder) throws IOException {
		String base = folder.resolve("inbox").toString();
		if (base.indexOf(';') >= 0) {
			throw new IOException("the inbox cannot live in a folder whose path contains ';': " + folder);
		}
		// MAX_COMPACT_TIME: when the database closes, up to 5 s to give back the space of old page
		// versions (a 100,000-message fill left 618 MB; 64 MB after compacting on close).
		// WRITE_DELAY=0: every commit reaches the file at once, not up to 500 ms later. Without it, a
		// process killed right after another took the database over left a word search finding
		// nothing in SharedInboxTest (1 run in 12 under CPU load; 0 in 14 with it).
		return "jdbc:h2:file:" + base + ";AUTO_SERVER=TRUE;WRITE_DELAY=0;LOCK_TIMEOUT=10000;MAX_COMPACT_TIME=5000";
	}

	/** What {@link #compact} did: the file's size before and after, and how long it took. */
	record Compacted(long bytesBefore, long bytesAfter, Duration took) {
	}

	/**
	 * Rewrites the inbox file to its live data (H2's {@code SHUTDOWN COMPACT}, a new file that replaces
	 * the old one when complete). The compaction while open and the 5 s on close cannot keep up with a
	 * long flood: a million messages stored as fast as they came (6,800 a second) left a 2.4 GB file
	 * holding 324 MB of live data. Refuses while the inbox is open anywhere else (another process, or
	 * other connections in this one): the shutdown would cut them off.
	 */
	static Compacted compact(Path workspace) throws IOException {
		Path folder = folderOf(workspace);
		Path file = folder.resolve("inbox.mv.db");
		if (!Files.exists(file)) {
			throw new IOException("there is no inbox in " + workspace.toAbsolutePath().normalize());
		}
		checkServerBindsToLoopback();
		String url = urlOf(folder);
		String password = secret(folder.resolve("inbox.secret"));
		long before = Files.size(file);
		long start = System.nanoTime();
		String inUse = "the inbox is open in another Herald process (herald listen, the workbench or another command); "
				+ "stop it, then compact";
		try (Connection c = DriverManager.getConnection(url, USER, password)) {
			if (StoreCompaction.storeOf(c).isEmpty()) {
				throw new IOException(inUse);
			}
			try (Statement st = c.createStatement(); ResultSet r = st.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS")) {
				r.next();
				if (r.getLong(1) > 1) {
					throw new IOException(inUse);
				}
			}
			try (Statement st = c.createStatement()) {
				st.execute("SHUTDOWN COMPACT");
			}
		} catch (SQLException e) {
			throw new IOException("cannot compact the inbox in " + folder + ": " + e.getMessage(), e);
		}
		return new Compacted(before, Files.size(file), Duration.ofNanos(System.nanoTime() - start));
	}

	/** The compaction of the file while open, if this process holds the file. */
	Optional<StoreCompaction> compaction() {
		return compaction;
	}

	Path folder() {
		return folder;
	}

	/** A connection with auto-commit on; give it back with {@link #release}. */
	Connection borrow() throws SQLException {
		if (closed) {
			throw new SQLException("the inbox is closed");
		}
		Connection c = idle.poll();
		return c != null ? c : open();
	}

	void release(Connection c) {
		try {
			if (closed || c.isClosed()) {
				c.close();
				return;
			}
			if (!c.getAutoCommit()) {
				c.rollback();
				c.setAutoCommit(true);
			}
			if (!idle.offer(c)) {
				c.close();
			}
		} catch (SQLException e) {
			try {
				c.close();
			} catch (SQLException ignored) {
				// already broken
			}
		}
	}

	/** A new connection, not pooled (the writer keeps its own). */
	Connection open() throws SQLException {
		return DriverManager.getConnection(url, USER, password);
	}

	/**
	 * Runs {@code work} in one transaction on {@code c}: committed if it returns, rolled back if it
	 * throws; {@code c} is back in auto-commit either way.
	 */
	static <T> T inTransaction(Connection c, MessageQuery.SqlWork<T> work) throws SQLException {
		c.setAutoCommit(false);
		try {
			T result = work.run();
			c.commit();
			return result;
		} catch (SQLException | RuntimeException e) {
			c.rollback();
			throw e;
		} finally {
			c.setAutoCommit(true);
		}
	}

	/** Closes {@code c} (if any), ignoring that it may be broken already. */
	static void closeQuietly(Connection c) {
		if (c != null) {
			try {
				c.close();
			} catch (SQLException ignored) {
				// broken anyway, or going
			}
		}
	}

	/** Writes everything committed so far to the file, without forcing it to the disk. */
	static void write(Connection c) throws SQLException {
		try (var s = c.createStatement()) {
			s.execute("CHECKPOINT");
		}
	}

	/** Forces everything committed so far to the disk (fsync). */
	static void sync(Connection c) throws SQLException {
		try (var s = c.createStatement()) {
			s.execute("CHECKPOINT SYNC");
		}
	}

	@Override
	public void close() {
		closed = true;
		compaction.ifPresent(StoreCompaction::close);
		Connection c;
		while ((c = idle.poll()) != null) {
			try {
				c.close();
			} catch (SQLException ignored) {
				// closing anyway
			}
		}
	}

	/**
	 * H2 reads {@code h2.bindAddress} once, when its settings class initialises. If another bundle used H2
	 * before this class set it, the auto-server would listen on every interface: refuse that.
	 */
	static void checkServerBindsToLoopback() throws IOException {
		String bind;
		try {
			Class<?> settings = Class.forName("org.h2.engine.SysProperties", true, org.h2.Driver.class.getClassLoader());
			Field f = settings.getField("BIND_ADDRESS");
			bind = (String) f.get(null);
		} catch (ReflectiveOperationException | RuntimeException e) {
			throw new IOException("cannot tell which address H2's inbox server would bind to; refusing to open the inbox", e);
		}
		boolean loopback;
		try {
			loopback = bind != null && !bind.isBlank() && InetAddress.getByName(bind).isLoopbackAddress();
		} catch (IOException e) {
			loopback = false;
		}
		if (!loopback) {
			throw new IOException("H2 would serve the inbox on " + (bind == null || bind.isBlank() ? "all interfaces" : bind)
					+ "; start the JVM with -D" + BIND_ADDRESS_PROPERTY + "=127.0.0.1");
		}
	}

	/** The database password: read, or created once (atomically, so two processes agree on it). */
	private static String secret(Path file) throws IOException {
		if (!Files.exists(file)) {
			Path tmp = Files.createTempFile(file.getParent(), "inbox", ".secret.tmp");
			try {
				try {
					Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
				} catch (UnsupportedOperationException e) {
					// not a POSIX file system: the workspace's own protection applies
				}
				byte[] random = new byte[24];
				new SecureRandom().nextBytes(random);
				Files.writeString(tmp, HexFormat.of().formatHex(random), StandardCharsets.US_ASCII);
				try {
					// a hard link appears complete or not at all, and never replaces another process's secret
					Files.createLink(file, tmp);
				} catch (FileAlreadyExistsException e) {
					// another process was first: use its secret
				} catch (UnsupportedOperationException | IOException e) {
					try {
						Files.move(tmp, file);
					} catch (FileAlreadyExistsException e2) {
						// another process was first
					}
				}
			} finally {
				Files.deleteIfExists(tmp);
			}
		}
		String s = Files.readString(file, StandardCharsets.US_ASCII).strip();
		if (s.isEmpty()) {
			throw new IOException("empty inbox secret in " + file);
		}
		return s;
	}
}
