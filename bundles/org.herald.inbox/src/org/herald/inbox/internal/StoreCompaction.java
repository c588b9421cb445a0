/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.inbox.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;

/**
 * Keeps the inbox file from growing without bound while a process keeps it open under load.
 *
 * <p>Each commit writes the pages it changed into a new chunk at the end of the file; a chunk's space
 * is reused only once nothing in it is live any more. H2 rewrites half-empty chunks in the background
 * only while the store is otherwise idle, which a listener under a flood never is: 400,000 messages
 * arriving without a pause (32 senders, a commit per 28 messages) grew the file to 4.1 GB, about
 * 10 KB a message, while the live data filled 6% of it. Two things kept it growing: H2 keeps a
 * chunk it no longer needs for 45 s before reusing its space (in case the newer chunks have not
 * reached the disk yet), and its background rewriting of sparse chunks waits for an idle store.
 *
 * <p>So the process that holds the file (the first to open it; the others reach it through its
 * server) does both itself, every second: it forces what was written to the disk ({@code sync}),
 * which makes a retention of {@value #RETENTION_MILLIS} ms safe, frees the chunks nothing refers to
 * any more (H2's background writer would, but {@code WRITE_DELAY=0} runs none), and when the live data fill less
 * than {@value #LOW_FILL_RATE}% of the chunks it has the store rewrite its sparsest chunks, at most
 * {@value #WRITE_PER_RUN} bytes at a time. The following commits reuse the freed space. Shrinking
 * the file itself is left to the close ({@code MAX_COMPACT_TIME}).
 */
final class StoreCompaction implements AutoCloseable {

	private static final System.Logger LOG = System.getLogger(StoreCompaction.class.getName());

	static final int LOW_FILL_RATE = 50;
	static final int TARGET_FILL_RATE = 80;
	static final int WRITE_PER_RUN = 16 << 20;
	/** How long a chunk no longer needed is kept before its space is reused (H2's default: 45 s). */
	static final int RETENTION_MILLIS = 5_000;

	private final MVStore store;
	private final ScheduledExecutorService timer;
	private final AtomicLong runs = new AtomicLong();

	private StoreCompaction(MVStore store) {
		this.store = store;
		store.setRetentionTime(RETENTION_MILLIS);
		this.timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("herald-inbox-compaction").factory());
		timer.scheduleWithFixedDelay(this::compactIfSparse, 1, 1, TimeUnit.SECONDS);
	}

	/**
	 * Starts compaction if {@code c} is an embedded connection, that is, if this process holds the
	 * file; a client of another process's server gets nothing (that process compacts).
	 */
	static Optional<StoreCompaction> startFor(Connection c) throws SQLException {
		return storeOf(c).map(StoreCompaction::new);
	}

	/** The MVStore under an embedded connection, through H2's internal classes (not exported to OSGi). */
	static Optional<MVStore> storeOf(Connection c) throws SQLException {
		try {
			Object session = c.unwrap(JdbcConnection.class).getSession();
			if (!"SessionLocal".equals(session.getClass().getSimpleName())) {
				return Optional.empty(); // a remote session: the file is another process's
			}
			Object database = session.getClass().getMethod("getDatabase").invoke(session);
			Object store = database.getClass().getMethod("getStore").invoke(database);
			return Optional.of((MVStore) store.getClass().getMethod("getMvStore").invoke(store));
		} catch (ReflectiveOperationException | ClassCastException e) {
			LOG.log(System.Logger.Level.WARNING, "cannot reach H2's store to compact it while open; the file shrinks only on close", e);
			return Optional.empty();
		}
	}

	/** How many times the store was asked to rewrite chunks. */
	long runs() {
		return runs.get();
	}

	void compactIfSparse() {
		try {
			if (store.isClosed()) {
				return;
			}
			store.sync(); // everything written so far is on the disk: chunks older than the retention time may be reused
			// H2's background writer would free the chunks nothing refers to any more; with
			// WRITE_DELAY=0 there is none, so this does. Under the store's lock, which H2 asserts
			// (dropUnusedChunks is meant to run inside a store operation): without it the chunk map
			// and the free space change under a commit placing its chunk. Called without the lock, a
			// receiver killed by SIGKILL once came back without 148 messages it had acknowledged
			// (crash-interop, 1 round in 6 in CI).
			store.executeFilestoreOperation(() -> store.getFileStore().dropUnusedChunks());
			if (store.getFileStore().getChunksFillRate() < LOW_FILL_RATE) {
				runs.incrementAndGet();
				store.compact(TARGET_FILL_RATE, WRITE_PER_RUN);
			}
		} catch (RuntimeException e) {
			// the store closed under us, or H2 refused this time: try again at the next tick
			LOG.log(System.Logger.Level.DEBUG, "inbox compaction skipped", e);
		}
	}

	@Override
	public void close() {
		timer.shutdown(); // never interrupt a compaction: an interrupted file write makes H2 close the database

		try {
			timer.awaitTermination(10, TimeUnit.SECONDS);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
