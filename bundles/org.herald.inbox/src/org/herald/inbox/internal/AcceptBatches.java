/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.inbox.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

import org.herald.api.Acceptance;
import org.herald.api.Acceptance.Refusal;
import org.herald.api.Identity;
import org.herald.api.ReceivedMessage;
import org.herald.api.StoredMessage;
import org.herald.inbox.InboxChange;
import org.herald.inbox.SpamPolicy;

/**
 * The receive side of the store, run by the {@link GroupCommitWriter}'s thread on its own connection:
 * applies the spam policy (reloaded when another process or thread changed it), stores and counts, and
 * commits each batch with one fsync.
 */
final class AcceptBatches implements GroupCommitWriter.Batches, AutoCloseable {

	private final InboxDatabase db;
	private final ChangeWatcher watcher;
	private final Consumer<InboxChange> fire;
	private final IntConsumer onStored;
	private final SpamFilter filter = new SpamFilter();
	/** Batches written, messages in them, and nanoseconds spent inserting, committing and syncing (for the benchmark). */
	final java.util.concurrent.atomic.LongAdder[] stats = { new java.util.concurrent.atomic.LongAdder(), new java.util.concurrent.atomic.LongAdder(),
			new java.util.concurrent.atomic.LongAdder(), new java.util.concurrent.atomic.LongAdder(), new java.util.concurrent.atomic.LongAdder() };
	private final boolean fsync = !"false".equals(System.getProperty(H2Inbox.FSYNC_PROPERTY));
	private volatile Identity identity;
	private Connection connection;
	private SpamPolicy policy;
	private long policyVersion = -1;

	AcceptBatches(InboxDatabase db, Identity identity, ChangeWatcher watcher, Consumer<InboxChange> fire, IntConsumer onStored) {
		this.onStored = onStored;
		this.db = db;
		this.identity = identity;
		this.watcher = watcher;
		this.fire = fire;
	}

	void setIdentity(Identity identity) {
		this.identity = identity;
	}

	@Override
	public void beginBatch() throws SQLException {
		if (connection == null || connection.isClosed()) {
			connection = db.open();
			policyVersion = -1;
		}
		long v;
		try {
			v = PolicyTables.get(connection, PolicyTables.POLICY_VERSION);
		} catch (SQLException e) {
			dropConnection();
			throw e;
		}
		if (v != policyVersion || policy == null) {
			policy = PolicyTables.load(connection);
			policyVersion = v;
		}
	}

	@Override
	public Verdict decide(ReceivedMessage m) {
		return filter.decide(m, policy, identity.interfaces());
	}

	@Override
	public List<Acceptance> write(List<GroupCommitWriter.Prepared> batch) throws SQLException {
		Connection c = connection;
		if (c == null || c.isClosed()) {
			c = connection = db.open();
		}
		List<Acceptance> results = new ArrayList<>(batch.size());
		long stored = 0, quarantined = 0, blocked = 0, dropped = 0;
		c.setAutoCommit(false);
		long seq = -1;
		long t0 = System.nanoTime();
		try {
			for (GroupCommitWriter.Prepared p : batch) {
				ReceivedMessage m = p.message();
				Acceptance result = switch (p.verdict()) {
				case STORE -> {
					stored++;
					yield Acceptance.stored(store(c, m, p.verdict()));
				}
				case QUARANTINE -> {
					quarantined++;
					yield Acceptance.stored(store(c, m, p.verdict()));
				}
				case BLOCK -> {
					blocked++;
					yield policy.settings().storeBlocked() ? Acceptance.stored(store(c, m, p.verdict())) : Acceptance.refused(Refusal.BLOCKED);
				}
				case REFUSE_FLOOD -> {
					dropped++;
					yield Acceptance.refused(Refusal.FLOOD_LIMIT);
				}
				};
				results.add(result);
			}
			PolicyTables.bump(c, PolicyTables.STORED, stored);
			PolicyTables.bump(c, PolicyTables.QUARANTINED, quarantined);
			PolicyTables.bump(c, PolicyTables.BLOCKED, blocked);
			PolicyTables.bump(c, PolicyTables.DROPPED_BY_FLOOD, dropped);
			seq = ChangeWatcher.bump(c);
			// known as ours before the commit makes it visible to the watcher's next poll
			watcher.own(seq);
			long t1 = System.nanoTime();
			c.commit();
			long t2 = System.nanoTime();
			if (fsync) {
				InboxDatabase.sync(c);
			} else {
				InboxDatabase.write(c);
			}
			long t3 = System.nanoTime();
			stats[0].increment();
			stats[1].add(batch.size());
			stats[2].add(t1 - t0);
			stats[3].add(t2 - t1);
			stats[4].add(t3 - t2);
			return results;
		} catch (SQLException | RuntimeException e) {
			if (seq >= 0) {
				watcher.disown(seq);
			}
			try {
				c.rollback();
			} catch (SQLException e2) {
				dropConnection();
			}
			throw e;
		} finally {
			if (connection != null && !connection.isClosed()) {
				connection.setAutoCommit(true);
			}
		}
	}

	private static StoredMessage store(Connection c, ReceivedMessage m, Verdict v) throws SQLException {
		var flags = H2Inbox.flagsFor(m, v);
		long id = MessageTable.insert(c, m, flags);
		ReceivedMessage stored = new ReceivedMessage(m.senderName(), m.senderAddress(), m.recipientName(), m.path(), m.received(),
				m.text(), flags);
		return new StoredMessage(id, stored, false);
	}

	@Override
	public void committed(List<Acceptance> results) {
		List<Long> ids = results.stream().flatMap(a -> a.stored().stream()).map(StoredMessage::id).toList();
		if (!ids.isEmpty()) {
			onStored.accept(ids.size());
			fire.accept(new InboxChange(InboxChange.Kind.ADDED, ids));
		}
		if (ids.size() < results.size()) {
			fire.accept(new InboxChange(InboxChange.Kind.POLICY, List.of()));
		}
	}

	private void dropConnection() {
		if (connection != null) {
			try {
				connection.close();
			} catch (SQLException ignored) {
				// broken anyway
			}
			connection = null;
		}
	}

	@Override
	public void close() {
		dropConnection();
	}
}
