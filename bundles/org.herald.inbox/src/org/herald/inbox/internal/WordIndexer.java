/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.inbox.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.herald.api.Threads;

/**
 * Adds committed messages' words to the word index, many messages per transaction, in the background.
 * Until then the search finds them by scanning ({@link MessageQuery}). Indexers of several processes
 * take turns on the {@code indexer} counter row.
 */
final class WordIndexer implements AutoCloseable {

	static final int BATCH = 5_000;
	/** Indexing waits for a pause this long in the arrivals... */
	static final long QUIET_NANOS = 200_000_000L;
	/** ...but not for more than this many new messages (a search scans those until they are indexed). */
	static final int MAX_DEFERRED_MESSAGES = 10_000;

	private final InboxDatabase db;
	private final Thread thread;
	private final Object signal = new Object();
	private final long idleMillis;
	private boolean wake;
	private int deferred;
	private long lastPoke;
	private volatile boolean closed;

	WordIndexer(InboxDatabase db, Duration idle) {
		this.db = db;
		this.idleMillis = idle.toMillis();
		this.thread = new Thread(this::run, "herald-inbox-indexer");
		thread.setDaemon(true);
		thread.start();
	}

	/** {@code messages} new messages were committed. */
	void poke(int messages) {
		synchronized (signal) {
			wake = true;
			deferred += Math.max(1, messages);
			lastPoke = System.nanoTime();
			signal.notifyAll();
		}
	}

	private void run() {
		Connection c = null;
		while (!closed) {
			try {
				if (c == null || c.isClosed()) {
					c = db.open();
				}
				while (!closed && indexSome(c, BATCH) == BATCH) {
					// more waiting
				}
			} catch (SQLException | RuntimeException e) {
				InboxDatabase.closeQuietly(c);
				c = null; // closed, or the serving process moved: retry after the pause
			}
			synchronized (signal) {
				try {
					if (!wake && !closed) {
						signal.wait(idleMillis);
					}
					awaitPause();
				} catch (InterruptedException e) {
					// no interrupts are sent; keep going until closed
				}
				wake = false;
				deferred = 0;
			}
		}
		InboxDatabase.closeQuietly(c);
	}

	/** Indexes up to {@code max} unindexed messages in one transaction; returns how many. */
	static int indexSome(Connection c, int max) throws SQLException {
		return InboxDatabase.inTransaction(c, () -> {
			try (PreparedStatement turn = c.prepareStatement("SELECT counter_value FROM inbox_counter WHERE name = 'indexer' FOR UPDATE");
					ResultSet r = turn.executeQuery()) {
				r.next();
			}
			// the row locks keep a concurrent delete from leaving this transaction's words behind
			List<Long> ids = new ArrayList<>();
			try (PreparedStatement read = c.prepareStatement(
					"SELECT id, body FROM message WHERE words_indexed = FALSE ORDER BY words_indexed, id LIMIT " + max + " FOR UPDATE");
					PreparedStatement add = c.prepareStatement("INSERT INTO message_word (word, message_id) VALUES (?, ?)");
					ResultSet r = read.executeQuery()) {
				while (r.next()) {
					long id = r.getLong(1);
					ids.add(id);
					for (String w : Words.of(r.getString(2))) {
						add.setString(1, w);
						add.setLong(2, id);
						add.addBatch();
					}
				}
				add.executeBatch();
			}
			try (PreparedStatement done = c.prepareStatement("UPDATE message SET words_indexed = TRUE WHERE id = ?")) {
				for (long id : ids) {
					done.setLong(1, id);
					done.addBatch();
				}
				done.executeBatch();
			}
			return ids.size();
		});
	}

	/**
	 * While messages keep arriving, leaves the CPU to receiving and storing them: indexing starts
	 * {@link #QUIET_NANOS} after the last commit, or once {@link #MAX_DEFERRED_MESSAGES} messages
	 * wait. A search meanwhile scans the messages not yet indexed. Called holding {@code signal}.
	 */
	private void awaitPause() throws InterruptedException {
		for (long left; !closed && deferred > 0 && deferred < MAX_DEFERRED_MESSAGES
				&& (left = lastPoke + QUIET_NANOS - System.nanoTime()) > 0;) {
			signal.wait(Math.max(1, left / 1_000_000));
		}
	}

	@Override
	public void close() {
		closed = true;
		poke(0);
		Threads.joinUninterruptibly(thread);
	}
}
