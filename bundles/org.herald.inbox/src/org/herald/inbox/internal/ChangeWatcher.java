/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.inbox.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Notices changes made by other processes sharing the inbox. Every transaction that changes messages
 * bumps the {@code change_seq} counter by one; this process remembers the values its own transactions
 * produced, and any other value seen when polling means another process changed something.
 */
final class ChangeWatcher implements AutoCloseable {

	private final InboxDatabase db;
	private final BooleanSupplier wanted;
	private final Runnable onExternalChange;
	private final ConcurrentSkipListSet<Long> own = new ConcurrentSkipListSet<>();
	private final ScheduledExecutorService timer;
	private long lastSeen = -1;

	ChangeWatcher(InboxDatabase db, Duration interval, BooleanSupplier wanted, Runnable onExternalChange) {
		this.db = db;
		this.wanted = wanted;
		this.onExternalChange = onExternalChange;
		this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
			Thread t = new Thread(r, "herald-inbox-watch");
			t.setDaemon(true);
			return t;
		});
		timer.scheduleWithFixedDelay(this::poll, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
	}

	/** Bumps the change counter inside the caller's transaction; returns the new value. */
	static long bump(Connection c) throws SQLException {
		PolicyTables.bump(c, PolicyTables.CHANGE_SEQ, 1);
		return PolicyTables.get(c, PolicyTables.CHANGE_SEQ);
	}

	/** Records a value this process's own committed transaction produced. */
	void own(long seq) {
		own.add(seq);
	}

	/** A transaction that produced {@code seq} was rolled back. */
	void disown(long seq) {
		own.remove(seq);
	}

	private void poll() {
		try {
			long seq;
			Connection c = db.borrow();
			try (PreparedStatement p = c.prepareStatement("SELECT counter_value FROM inbox_counter WHERE name = ?")) {
				p.setString(1, PolicyTables.CHANGE_SEQ);
				try (ResultSet r = p.executeQuery()) {
					seq = r.next() ? r.getLong(1) : 0;
				}
			} finally {
				db.release(c);
			}
			if (lastSeen < 0 || !wanted.getAsBoolean()) {
				lastSeen = seq;
				own.headSet(seq, true).clear();
				return;
			}
			boolean external = false;
			for (long s = lastSeen + 1; s <= seq && !external; s++) {
				external = !own.contains(s);
			}
			own.headSet(seq, true).clear();
			lastSeen = seq;
			if (external) {
				onExternalChange.run();
			}
		} catch (SQLException | RuntimeException e) {
			// closed or briefly unreachable (the serving process moved): try again next time
		}
	}

	@Override
	public void close() {
		// no interrupt: an interrupt during H2 file I/O would close the embedded database
		timer.shutdown();
		try {
			timer.awaitTermination(5, TimeUnit.SECONDS);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
