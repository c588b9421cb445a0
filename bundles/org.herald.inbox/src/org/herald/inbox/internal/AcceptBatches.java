/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.inbox.internal;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.herald.api.Acceptance;
import org.herald.api.Acceptance.Refusal;
import org.herald.api.Identity;
import org.herald.api.ReceivedMessage;
import org.herald.api.StoredMessage;
import org.herald.inbox.SpamPolicy;

/**
 * The receive side of the store, run by the {@link GroupCommitWriter}'s thread on its own connection:
 * applies the spam policy (reloaded when another process or thread changed it) and journals each batch
 * with one fsync ({@link AcceptJournal}); the {@link JournalApplier} stores and counts.
 */
final class AcceptBatches implements GroupCommitWriter.Batches, AutoCloseable {

	private final InboxDatabase db;
	private final AcceptJournal journal;
	private final JournalApplier applier;
	private final IdBlocks ids;
	private final SpamFilter filter = new SpamFilter();
	/** Batches written, messages in them, and nanoseconds spent deciding and journaling with fsync (for the benchmark). */
	final java.util.concurrent.atomic.LongAdder[] stats = { new java.util.concurrent.atomic.LongAdder(), new java.util.concurrent.atomic.LongAdder(),
			new java.util.concurrent.atomic.LongAdder(), new java.util.concurrent.atomic.LongAdder() };
	private volatile Identity identity;
	private Connection connection;
	private SpamPolicy policy;
	private long policyVersion = -1;

	AcceptBatches(InboxDatabase db, Identity identity, AcceptJournal journal, JournalApplier applier, boolean fsync) {
		this.db = db;
		this.identity = identity;
		this.journal = journal;
		this.applier = applier;
		this.ids = new IdBlocks(fsync);
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

	/**
	 * Decides each message's fate, names the stored ones' ids, and appends them to the journal with one
	 * fsync: from then on they survive a crash, so the callers are answered; the {@link JournalApplier}
	 * moves them into the database and tells the listeners.
	 */
	@Override
	public List<Acceptance> write(List<GroupCommitWriter.Prepared> batch) throws SQLException, IOException {
		Connection c = connection;
		if (c == null || c.isClosed()) {
			c = connection = db.open();
		}
		long t0 = System.nanoTime();
		List<Acceptance> results = new ArrayList<>(batch.size());
		List<StoredMessage> messages = new ArrayList<>(batch.size());
		long stored = 0, quarantined = 0, blocked = 0, dropped = 0;
		for (GroupCommitWriter.Prepared p : batch) {
			ReceivedMessage m = p.message();
			Acceptance result = switch (p.verdict()) {
			case STORE -> {
				stored++;
				yield Acceptance.stored(named(c, m, p.verdict(), messages));
			}
			case QUARANTINE -> {
				quarantined++;
				yield Acceptance.stored(named(c, m, p.verdict(), messages));
			}
			case BLOCK -> {
				blocked++;
				yield policy.settings().storeBlocked() ? Acceptance.stored(named(c, m, p.verdict(), messages)) : Acceptance.refused(Refusal.BLOCKED);
			}
			case REFUSE_FLOOD -> {
				dropped++;
				yield Acceptance.refused(Refusal.FLOOD_LIMIT);
			}
			};
			results.add(result);
		}
		long t1 = System.nanoTime();
		long seq = messages.isEmpty() ? journal.lastSeq() : journal.append(messages);
		long t2 = System.nanoTime();
		applier.submit(new JournalApplier.Batch(seq, messages, stored, quarantined, blocked, dropped));
		stats[0].increment();
		stats[1].add(batch.size());
		stats[2].add(t1 - t0);
		stats[3].add(t2 - t1);
		return results;
	}

	private StoredMessage named(Connection c, ReceivedMessage m, Verdict v, List<StoredMessage> messages) throws SQLException {
		var flags = H2Inbox.flagsFor(m, v);
		ReceivedMessage stored = new ReceivedMessage(m.senderName(), m.senderAddress(), m.recipientName(), m.path(), m.received(),
				m.text(), flags);
		StoredMessage named = new StoredMessage(ids.next(c), stored, false);
		messages.add(named);
		return named;
	}

	@Override
	public void committed(List<Acceptance> results) {
		// the applier tells the listeners once the messages are in the database
	}

	private void dropConnection() {
		InboxDatabase.closeQuietly(connection);
		connection = null;
	}

	@Override
	public void close() {
		dropConnection();
	}
}
