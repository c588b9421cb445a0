/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.inbox.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.herald.api.StoredMessage;
import org.herald.api.Threads;
import org.herald.inbox.InboxChange;

/**
 * Moves what {@code accept()} journaled into the database, on a thread of its own: everything queued
 * at once in one transaction (so under load hundreds of messages share one commit of H2's pages), then
 * tells the listeners. At most every {@value #SYNC_MS} ms (and when idle, and at close) it forces the
 * database to disk and lets the {@link AcceptJournal} drop what is now durably in it.
 *
 * <p>A read of the store first waits here until the messages acknowledged before it are applied
 * ({@link #awaitApplied}), so that a caller sees its own accepted message at once.
 */
final class JournalApplier implements AutoCloseable {

	private static final Logger LOG = Logger.getLogger(JournalApplier.class.getName());
	private static final long SYNC_MS = 200;
	private static final long ORPHAN_CHECK_MS = 1_000;
	private static final long GATHER_MS = 20;
	private static final int GATHER_MESSAGES = 512;
	/** After a failed transaction, the next try waits this long (the batch stays queued and journaled). */
	private static final long RETRY_MS = 1_000;

	/**
	 * One group from the writer: the journal's sequence number after it, the messages it stores, and the
	 * policy's verdicts on the group (stored as they are, quarantined, blocked, dropped by the flood limit).
	 */
	record Batch(long journalSeq, List<StoredMessage> messages, long stored, long quarantined, long blocked, long dropped) {
	}

	/** A batch with its place in the order of submission. */
	private record Ticket(long number, Batch batch) {
	}

	private final InboxDatabase db;
	private final AcceptJournal journal;
	private final ChangeWatcher watcher;
	private final Consumer<InboxChange> fire;
	private final IntConsumer onStored;
	private final boolean fsync;
	private final BlockingQueue<Ticket> queue = new LinkedBlockingQueue<>();
	private final Thread thread;
	private final Object progress = new Object();
	/** Batches handed in and applied (committed in H2), by number (under {@link #progress}). */
	private long submitted, applied;
	/** Reads waiting for the newest messages (under {@link #progress}). */
	private int readers;
	/** The journal's records up to these are committed / durable in H2 (applier thread). */
	private long appliedSeq, durableSeq;
	/** When the journals of processes that are gone were last looked for (applier thread). */
	private long lastOrphanCheck = System.nanoTime();
	private final AcceptJournal.Sink orphans;
	private volatile boolean closing;
	/** For tests: nothing more is applied (a process about to be killed). */
	private volatile boolean held;
	private Connection connection;

	JournalApplier(InboxDatabase db, AcceptJournal journal, ChangeWatcher watcher, Consumer<InboxChange> fire, IntConsumer onStored,
			boolean fsync, AcceptJournal.Sink orphans) {
		this.orphans = orphans;
		this.db = db;
		this.journal = journal;
		this.watcher = watcher;
		this.fire = fire;
		this.onStored = onStored;
		this.fsync = fsync;
		this.thread = new Thread(this::run, "herald-inbox-applier");
		thread.setDaemon(true);
		thread.start();
	}

	/** Queues a journaled group (writer thread). */
	void submit(Batch b) {
		synchronized (progress) {
			queue.add(new Ticket(++submitted, b));
			if (readers > 0) {
				progress.notifyAll();
			}
		}
	}

	/**
	 * Waits until everything submitted so far is applied. Bounded: if the database keeps failing, a read
	 * goes ahead after {@code limitMs} without the newest messages (they stay journaled).
	 */
	void awaitApplied(long limitMs) throws InterruptedIOException {
		long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(limitMs);
		synchronized (progress) {
			long target = submitted;
			if (applied >= target) {
				return;
			}
			readers++;
			progress.notifyAll(); // the applier stops gathering
			try {
				while (applied < target) {
					long left = deadline - System.nanoTime();
					if (left <= 0 || !thread.isAlive()) {
						return;
					}
					try {
						TimeUnit.NANOSECONDS.timedWait(progress, left);
					} catch (InterruptedException e) {
						Thread.currentThread().interrupt();
						throw new InterruptedIOException("inbox: interrupted while waiting for the newest messages");
					}
				}
			} finally {
				readers--;
			}
		}
	}

	/**
	 * Lets a group wait up to {@value #GATHER_MS} ms for more before it is applied, so that H2 writes its
	 * pages a few dozen times a second, not once per message (each such write also slows the journal's
	 * next fsync on the same disk); a reader waiting for the newest messages cuts the wait short.
	 */
	private void gather(List<Ticket> batches) {
		queue.drainTo(batches);
		if (batches.isEmpty()) {
			return;
		}
		long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(GATHER_MS);
		synchronized (progress) {
			while (!closing && readers == 0 && messages(batches) < GATHER_MESSAGES) {
				long left = until - System.nanoTime();
				if (left <= 0) {
					break;
				}
				try {
					TimeUnit.NANOSECONDS.timedWait(progress, left);
				} catch (InterruptedException e) {
					break;
				}
				queue.drainTo(batches);
			}
		}
		queue.drainTo(batches);
	}

	private static int messages(List<Ticket> batches) {
		int n = 0;
		for (Ticket t : batches) {
			n += t.batch().messages().size() + 1;
		}
		return n;
	}

	/** For tests: stops applying; the journal keeps what is accepted from now on. */
	void hold() {
		held = true;
	}

	private void run() {
		List<Ticket> batches = new ArrayList<>();
		long lastSync = System.nanoTime();
		int failuresWhileClosing = 0;
		while (true) {
			if (held) {
				if (closing) {
					return; // what was accepted since stays in the journal
				}
				pause();
				continue;
			}
			if (batches.isEmpty()) {
				Ticket first;
				try {
					first = queue.poll(SYNC_MS, TimeUnit.MILLISECONDS);
				} catch (InterruptedException e) {
					first = null;
				}
				if (first != null) {
					batches.add(first);
				}
			}
			gather(batches);
			if (!batches.isEmpty()) {
				try {
					apply(batches);
					batches.clear();
				} catch (SQLException | RuntimeException e) {
					LOG.log(Level.WARNING, "inbox: could not move " + batches.size() + " journaled group(s) into the store; trying again", e);
					dropConnection();
					if (closing && ++failuresWhileClosing >= 3) {
						return; // the journal keeps them: the next start replays it
					}
					pause();
					continue;
				}
			}
			boolean idle = queue.isEmpty();
			if (idle && System.nanoTime() - lastOrphanCheck >= TimeUnit.MILLISECONDS.toNanos(ORPHAN_CHECK_MS)) {
				replayOrphans();
			}
			if (appliedSeq > durableSeq && (idle || System.nanoTime() - lastSync >= TimeUnit.MILLISECONDS.toNanos(SYNC_MS))) {
				try {
					sync();
					lastSync = System.nanoTime();
				} catch (SQLException | IOException | RuntimeException e) {
					LOG.log(Level.WARNING, "inbox: could not force the store to disk; the journal keeps the messages", e);
					dropConnection();
					if (closing && ++failuresWhileClosing >= 3) {
						return;
					}
					pause();
				}
			}
			if (closing && idle && batches.isEmpty() && appliedSeq == durableSeq) {
				return;
			}
		}
	}

	/**
	 * Moves the journals of processes that died since this inbox opened into the database (those of
	 * living processes are locked; see {@link AcceptJournal#replay}).
	 */
	private void replayOrphans() {
		lastOrphanCheck = System.nanoTime();
		try {
			AcceptJournal.Replayed r = AcceptJournal.replay(journal.folder(), orphans);
			if (r.inserted() > 0) {
				fire.accept(new InboxChange(InboxChange.Kind.EXTERNAL, List.of()));
			}
		} catch (IOException | SQLException | RuntimeException e) {
			LOG.log(Level.WARNING, "inbox: could not replay the journal of a process that is gone; trying again later", e);
		}
	}

	/** The applier's own connection, opened again after a failure dropped it. */
	private Connection connection() throws SQLException {
		if (connection == null || connection.isClosed()) {
			connection = db.open();
		}
		return connection;
	}

	private void apply(List<Ticket> tickets) throws SQLException {
		Connection c = connection();
		List<StoredMessage> messages = new ArrayList<>();
		long stored = 0, quarantined = 0, blocked = 0, dropped = 0, seq = 0, last = 0;
		for (Ticket t : tickets) {
			Batch b = t.batch();
			last = Math.max(last, t.number());
			messages.addAll(b.messages());
			stored += b.stored();
			quarantined += b.quarantined();
			blocked += b.blocked();
			dropped += b.dropped();
			seq = Math.max(seq, b.journalSeq());
		}
		long[] counts = { stored, quarantined, blocked, dropped };
		long[] change = { -1 };
		try {
			InboxDatabase.inTransaction(c, () -> {
				if (!messages.isEmpty()) {
					MessageTable.insert(c, messages);
				}
				PolicyTables.bump(c, PolicyTables.STORED, counts[0]);
				PolicyTables.bump(c, PolicyTables.QUARANTINED, counts[1]);
				PolicyTables.bump(c, PolicyTables.BLOCKED, counts[2]);
				PolicyTables.bump(c, PolicyTables.DROPPED_BY_FLOOD, counts[3]);
				change[0] = ChangeWatcher.bump(c);
				watcher.own(change[0]); // ours, before the commit makes it visible to the watcher's next poll
				return null;
			});
		} catch (SQLException | RuntimeException e) {
			if (change[0] >= 0) {
				watcher.disown(change[0]);
			}
			throw e;
		}
		appliedSeq = Math.max(appliedSeq, seq);
		synchronized (progress) {
			applied = Math.max(applied, last);
			progress.notifyAll();
		}
		if (!messages.isEmpty()) {
			onStored.accept(messages.size());
			fire.accept(new InboxChange(InboxChange.Kind.ADDED, messages.stream().map(StoredMessage::id).toList()));
		}
		if (messages.size() < stored + quarantined + blocked + dropped) { // some were turned away
			fire.accept(new InboxChange(InboxChange.Kind.POLICY, List.of()));
		}
	}

	private void sync() throws SQLException, IOException {
		long upTo = appliedSeq;
		if (fsync) {
			InboxDatabase.sync(connection());
		} else {
			InboxDatabase.write(connection());
		}
		durableSeq = upTo;
		journal.release(upTo);
	}

	private void pause() {
		try {
			Thread.sleep(RETRY_MS);
		} catch (InterruptedException e) {
			// keep going: nothing interrupts this thread on purpose
		}
	}

	private void dropConnection() {
		InboxDatabase.closeQuietly(connection);
		connection = null;
	}

	/** Applies what is queued, forces it to disk, deletes the journal, and stops. */
	@Override
	public void close() {
		synchronized (progress) {
			closing = true;
			progress.notifyAll();
		}
		Threads.joinUninterruptibly(thread);
		try {
			journal.close(durableSeq);
		} catch (IOException e) {
			LOG.log(Level.WARNING, "inbox: could not close the journal; the next start replays it", e);
		}
		dropConnection();
	}
}
