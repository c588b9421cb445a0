/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.inbox.internal;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.herald.api.Acceptance;
import org.herald.api.Identity;
import org.herald.api.MessageFlag;
import org.herald.api.ReceivedMessage;
import org.herald.api.StoredMessage;
import org.herald.inbox.ExportFormat;
import org.herald.inbox.Inbox;
import org.herald.inbox.InboxChange;
import org.herald.inbox.InboxListener;
import org.herald.inbox.InboxPage;
import org.herald.inbox.InboxQuery;
import org.herald.inbox.SenderPattern;
import org.herald.inbox.SpamCounters;
import org.herald.inbox.SpamPolicy;
import org.herald.inbox.SpamRule;
import org.herald.inbox.SpamSettings;

/**
 * The inbox in an embedded H2 database under {@code <workspace>/.herald/}.
 *
 * <p>Guarantee of {@link #accept}: it returns only after the message was appended to the store's
 * journal and forced to disk with fsync ({@link AcceptJournal}); a message it returned survives a crash
 * of the process and of the operating system, as far as the disk honours fsync: the next opening of the
 * inbox moves it from the journal into the database. Concurrent calls share one append and one fsync
 * (see {@link GroupCommitWriter}); the {@link JournalApplier} moves the messages into H2 in large
 * transactions behind them, and a read waits for that, so the caller reads back what it stored. A message
 * the policy turned away is refused, and counted when its group is applied. Marking read and deleting
 * reach the file when they commit and the disk within a second (see {@link InboxDatabase}).
 *
 * <p>With the system property {@code herald.inbox.fsync=false} accept() skips the fsync: a message it
 * returned then survives a crash of the process (it was written to the journal file) but not necessarily
 * a crash of the operating system or a power cut.
 */
public final class H2Inbox implements Inbox {

	static final String FSYNC_PROPERTY = "herald.inbox.fsync";

	/** How long a read waits at most for the newest accepted messages to reach the database. */
	private static final long APPLY_WAIT_MS = 10_000;

	/** Messages per group commit at most. */
	static final int MAX_BATCH = 256;

	private final InboxDatabase db;
	private final GroupCommitWriter writer;
	private final AcceptBatches batches;
	private final AcceptJournal journal;
	private final JournalApplier applier;
	private final ChangeWatcher watcher;
	private final WordIndexer indexer;
	private final List<InboxListener> listeners = new CopyOnWriteArrayList<>();
	private final ExecutorService events;
	/** Where every read and small write runs (see {@link #read}); never interrupted. */
	private final ExecutorService dbThreads = Executors.newCachedThreadPool(r -> {
		Thread t = new Thread(r, "herald-inbox-db");
		t.setDaemon(true);
		return t;
	});
	private volatile boolean closed;

	/** Opens the inbox of {@code workspace}, creating or upgrading its database; polls for other processes' changes every second. */
	public H2Inbox(Path workspace, Identity identity) throws IOException {
		this(workspace, identity, Duration.ofSeconds(1));
	}

	/**
	 * @param watchInterval how often to look for changes made by other processes (only while listeners
	 *                      are registered)
	 */
	public H2Inbox(Path workspace, Identity identity, Duration watchInterval) throws IOException {
		this.db = new InboxDatabase(workspace);
		try {
			Connection c = db.borrow();
			try {
				Schema.migrate(c, db.folder().resolve("inbox.migrate.lock"), Schema.MIGRATIONS);
			} finally {
				db.release(c);
			}
		} catch (SQLException e) {
			db.close();
			throw new IOException("cannot open the inbox in " + db.folder() + ": " + e.getMessage(), e);
		} catch (IOException | RuntimeException e) {
			db.close();
			throw e;
		}
		this.events = Executors.newSingleThreadExecutor(r -> {
			Thread t = new Thread(r, "herald-inbox-events");
			t.setDaemon(true);
			return t;
		});
		this.watcher = new ChangeWatcher(db, watchInterval, () -> !listeners.isEmpty(),
				() -> fire(new InboxChange(InboxChange.Kind.EXTERNAL, List.of())));
		this.indexer = new WordIndexer(db, Duration.ofSeconds(1));
		boolean fsync = !"false".equals(System.getProperty(FSYNC_PROPERTY));
		try {
			replayJournals(fsync);
			this.journal = new AcceptJournal(db.folder(), fsync);
		} catch (SQLException e) {
			closeEarly();
			throw new IOException("cannot open the inbox in " + db.folder() + ": replaying its journal failed: " + e.getMessage(), e);
		} catch (IOException | RuntimeException e) {
			closeEarly();
			throw e;
		}
		this.applier = new JournalApplier(db, journal, watcher, this::fire, indexer::poke, fsync, found -> insertMissing(found, fsync));
		this.batches = new AcceptBatches(db, identity, journal, applier, fsync);
		this.writer = new GroupCommitWriter("herald-inbox-writer", MAX_BATCH, batches);
	}

	/**
	 * Moves the messages that processes now gone acknowledged but had not yet moved from their journals
	 * into the database (see {@link AcceptJournal}), durably, before anything reads the inbox.
	 */
	private void replayJournals(boolean fsync) throws IOException, SQLException {
		AcceptJournal.replay(db.folder(), found -> insertMissing(found, fsync));
	}

	/** {@link #insertMissing(Connection, List, boolean)} on a connection of the pool. */
	private int insertMissing(List<StoredMessage> found, boolean fsync) throws SQLException {
		Connection c = db.borrow();
		try {
			return insertMissing(c, found, fsync);
		} finally {
			db.release(c);
		}
	}

	/** Inserts those of a journal's messages that are not in the database yet, durably; returns how many. */
	private static int insertMissing(Connection c, List<StoredMessage> found, boolean fsync) throws SQLException {
		int inserted = InboxDatabase.inTransaction(c, () -> {
			List<StoredMessage> missing = MessageTable.missing(c, found);
			if (!missing.isEmpty()) {
				MessageTable.insert(c, missing);
				long quarantined = missing.stream().filter(m -> m.message().flags().contains(MessageFlag.QUARANTINED)).count();
				long blocked = missing.stream().filter(m -> m.message().flags().contains(MessageFlag.BLOCKED)).count();
				PolicyTables.bump(c, PolicyTables.STORED, missing.size() - quarantined - blocked);
				PolicyTables.bump(c, PolicyTables.QUARANTINED, quarantined);
				PolicyTables.bump(c, PolicyTables.BLOCKED, blocked);
				ChangeWatcher.bump(c);
			}
			IdBlocks.catchUp(c);
			return missing.size();
		});
		if (fsync) {
			InboxDatabase.sync(c);
		}
		return inserted;
	}

	private void closeEarly() {
		indexer.close();
		watcher.close();
		events.shutdown();
		db.close();
	}

	/** For tests: accepted messages stay in the journal from now on, as if the process died before moving them. */
	void holdApplier() {
		applier.hold();
	}

	/** Replaces the identity whose interfaces are the local subnets for the quarantine rule. */
	public void setIdentity(Identity identity) {
		batches.setIdentity(identity);
	}

	@Override
	public Acceptance accept(ReceivedMessage message) throws IOException {
		return writer.submit(message);
	}

	@Override
	public InboxPage page(InboxQuery query) throws IOException {
		return read(c -> MessageQuery.page(c, query));
	}

	@Override
	public long count(InboxQuery query) throws IOException {
		return read(c -> MessageQuery.count(c, query));
	}

	@Override
	public Optional<StoredMessage> get(long id) throws IOException {
		return read(c -> MessageReads.byId(c, id));
	}

	@Override
	public long[] ids(InboxQuery query) throws IOException {
		return read(c -> MessageQuery.ids(c, query));
	}

	@Override
	public List<StoredMessage> get(long[] ids) throws IOException {
		return read(c -> MessageReads.byIds(c, ids));
	}

	@Override
	public int markRead(Collection<Long> ids, boolean read) throws IOException {
		List<Long> changed = new ArrayList<>();
		write(c -> {
			changed.clear();
			try (PreparedStatement p = c.prepareStatement("UPDATE message SET is_read = ? WHERE id = ? AND is_read <> ?")) {
				for (long id : ids) {
					p.setBoolean(1, read);
					p.setLong(2, id);
					p.setBoolean(3, read);
					if (p.executeUpdate() > 0) {
						changed.add(id);
					}
				}
			}
			if (!changed.isEmpty()) {
				watcher.own(ChangeWatcher.bump(c));
			}
			return null;
		});
		if (!changed.isEmpty()) {
			fire(new InboxChange(InboxChange.Kind.UPDATED, changed));
		}
		return changed.size();
	}

	@Override
	public int delete(Collection<Long> ids) throws IOException {
		List<Long> unique = ids.stream().distinct().toList();
		int n = write(c -> {
			int deleted = MessageTable.delete(c, unique);
			if (deleted > 0) {
				watcher.own(ChangeWatcher.bump(c));
			}
			return deleted;
		});
		if (n > 0) {
			fire(new InboxChange(InboxChange.Kind.DELETED, unique));
		}
		return n;
	}

	@Override
	public long export(InboxQuery query, ExportFormat format, Writer out) throws IOException {
		return read(c -> Exporter.export(c, query, format, out));
	}

	@Override
	public SpamPolicy policy() throws IOException {
		return read(PolicyTables::load);
	}

	@Override
	public void updateSettings(SpamSettings settings) throws IOException {
		write(c -> {
			PolicyTables.saveSettings(c, settings);
			return null;
		});
		fire(new InboxChange(InboxChange.Kind.POLICY, List.of()));
	}

	@Override
	public boolean addRule(SpamRule rule) throws IOException {
		boolean added = write(c -> PolicyTables.addRule(c, rule));
		if (added) {
			fire(new InboxChange(InboxChange.Kind.POLICY, List.of()));
		}
		return added;
	}

	@Override
	public boolean removeRule(SenderPattern pattern) throws IOException {
		boolean removed = write(c -> PolicyTables.removeRule(c, pattern));
		if (removed) {
			fire(new InboxChange(InboxChange.Kind.POLICY, List.of()));
		}
		return removed;
	}

	@Override
	public SpamCounters counters() throws IOException {
		return read(PolicyTables::counters);
	}

	@Override
	public void addListener(InboxListener listener) {
		listeners.add(listener);
	}

	@Override
	public void removeListener(InboxListener listener) {
		listeners.remove(listener);
	}

	@Override
	public void close() {
		if (closed) {
			return;
		}
		closed = true;
		writer.close();
		applier.close(); // the journal's messages into the database, then the journal goes
		indexer.close();
		watcher.close();
		batches.close();
		events.shutdown();
		dbThreads.shutdown();
		try {
			events.awaitTermination(5, TimeUnit.SECONDS);
			dbThreads.awaitTermination(10, TimeUnit.SECONDS);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		db.close();
	}

	/** For the benchmark: batches, messages, ns deciding (policy, ids), ns journaling (append and fsync). */
	long[] writerStats() {
		return java.util.Arrays.stream(batches.stats).mapToLong(java.util.concurrent.atomic.LongAdder::sum).toArray();
	}

	/** For the benchmark and tests: how many messages the word index has not reached yet. */
	long unindexed() throws IOException {
		return read(MessageReads::unindexed);
	}

	/** For the benchmark and tests: H2's plan for a page query. */
	String explain(InboxQuery query) throws IOException {
		return read(c -> MessageQuery.explain(c, query));
	}

	private void fire(InboxChange change) {
		if (listeners.isEmpty() || events.isShutdown()) {
			return;
		}
		try {
			events.execute(() -> {
				for (InboxListener l : listeners) {
					try {
						l.inboxChanged(change);
					} catch (RuntimeException e) {
						// a listener's failure is its own; the others still hear about the change
					}
				}
			});
		} catch (java.util.concurrent.RejectedExecutionException e) {
			// closing
		}
	}

	@FunctionalInterface
	private interface Work<T> {
		T run(Connection c) throws SQLException, IOException;
	}

	/**
	 * Runs {@code work} on one of the store's own threads, never on the caller's: an interrupt that
	 * reaches H2 in the middle of file I/O closes its file channel and with it the database for
	 * everybody, and callers (views closing, cancelled jobs) do get interrupted. The caller waits; if it
	 * is interrupted it stops waiting, and the work still finishes on the store's thread.
	 */
	private <T> T read(Work<T> work) throws IOException {
		// the messages this process acknowledged are read back as stored: wait for them to be moved in
		applier.awaitApplied(APPLY_WAIT_MS);
		Future<T> result;
		try {
			result = dbThreads.submit(() -> {
				Connection c = db.borrow();
				try {
					return work.run(c);
				} finally {
					db.release(c);
				}
			});
		} catch (java.util.concurrent.RejectedExecutionException e) {
			throw new IOException("inbox: closed");
		}
		try {
			return result.get();
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new java.io.InterruptedIOException("inbox: interrupted while waiting for the store");
		} catch (ExecutionException e) {
			Throwable cause = e.getCause();
			if (cause instanceof SQLException q) {
				throw new IOException("inbox: " + q.getMessage(), q);
			}
			if (cause instanceof IOException io) {
				throw io;
			}
			if (cause instanceof RuntimeException r) {
				throw r;
			}
			throw new IOException("inbox: " + cause, cause);
		}
	}

	private <T> T write(Work<T> work) throws IOException {
		return read(c -> {
			c.setAutoCommit(false);
			try {
				T result = work.run(c);
				c.commit();
				return result;
			} catch (SQLException | IOException | RuntimeException e) {
				c.rollback();
				throw e;
			} finally {
				c.setAutoCommit(true);
			}
		});
	}

	static EnumSet<MessageFlag> flagsFor(ReceivedMessage m, Verdict v) {
		EnumSet<MessageFlag> flags = m.flags().isEmpty() ? EnumSet.noneOf(MessageFlag.class) : EnumSet.copyOf(m.flags());
		switch (v) {
		case QUARANTINE -> flags.add(MessageFlag.QUARANTINED);
		case BLOCK -> flags.add(MessageFlag.BLOCKED);
		case STORE, REFUSE_FLOOD -> {
			// nothing to add
		}
		}
		return flags;
	}
}
