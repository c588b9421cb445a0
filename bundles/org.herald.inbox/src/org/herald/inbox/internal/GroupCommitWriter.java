/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.inbox.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.herald.api.Acceptance;
import org.herald.api.ReceivedMessage;
import org.herald.api.Threads;

/**
 * Group commit behind {@link org.herald.api.MessageSink#accept}: callers queue their message and wait;
 * one writer thread takes everything queued (up to a batch size), writes it in one transaction, forces it
 * to disk once, and only then releases each caller with its own outcome. Under load many messages share
 * one commit and one fsync; alone, a message is committed at once. If a batch fails, its messages are
 * retried one by one, so a bad message fails only its own caller.
 *
 * <p>The writer thread also keeps the database away from caller interrupts: an interrupt during H2's
 * file I/O would close the embedded database's file channel.
 */
final class GroupCommitWriter implements AutoCloseable {

	/** A message with the verdict the spam filter gave it (decided once, before any attempt to write). */
	record Prepared(ReceivedMessage message, Verdict verdict) {
	}

	/** The database side of the writer; called on the writer thread only. */
	interface Batches {
		/** Called before each batch is prepared (e.g. to reload a changed policy). */
		void beginBatch() throws Exception;

		Verdict decide(ReceivedMessage m);

		/** Writes and durably commits the batch; the results are in the batch's order. */
		List<Acceptance> write(List<Prepared> batch) throws Exception;

		/** After the commit: tell listeners. */
		void committed(List<Acceptance> results);
	}

	private record Pending(ReceivedMessage message, CompletableFuture<Acceptance> result) {
	}

	private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
	private final Batches batches;
	private final int maxBatch;
	private final Thread thread;
	private final Object lock = new Object();
	private boolean closed;

	GroupCommitWriter(String name, int maxBatch, Batches batches) {
		this.batches = batches;
		this.maxBatch = maxBatch;
		this.thread = new Thread(this::run, name);
		thread.setDaemon(true);
		thread.start();
	}

	/** Queues {@code m} and waits until the commit covering it is on disk. */
	Acceptance submit(ReceivedMessage m) throws IOException {
		Pending p = new Pending(m, new CompletableFuture<>());
		synchronized (lock) {
			if (closed) {
				throw new IOException("the inbox is closed");
			}
			queue.add(p);
		}
		boolean interrupted = false;
		try {
			while (true) {
				try {
					return p.result().get();
				} catch (InterruptedException e) {
					// the outcome is being decided right now: wait for it, then keep the interrupt
					interrupted = true;
				} catch (ExecutionException e) {
					Throwable cause = e.getCause();
					throw cause instanceof IOException io ? io : new IOException("could not store the message", cause);
				}
			}
		} finally {
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private void run() {
		List<Pending> pending = new ArrayList<>(maxBatch);
		while (true) {
			Pending first;
			try {
				first = queue.poll(200, TimeUnit.MILLISECONDS);
			} catch (InterruptedException e) {
				first = null;
			}
			if (first == null) {
				synchronized (lock) {
					if (closed && queue.isEmpty()) {
						return;
					}
				}
				continue;
			}
			pending.clear();
			pending.add(first);
			queue.drainTo(pending, maxBatch - 1);
			writeAll(pending);
		}
	}

	private void writeAll(List<Pending> pending) {
		List<Prepared> prepared = new ArrayList<>(pending.size());
		try {
			batches.beginBatch();
			for (Pending p : pending) {
				prepared.add(new Prepared(p.message(), batches.decide(p.message())));
			}
		} catch (Exception | LinkageError e) {
			pending.forEach(p -> p.result().completeExceptionally(e));
			return;
		}
		try {
			List<Acceptance> results = batches.write(prepared);
			for (int i = 0; i < pending.size(); i++) {
				pending.get(i).result().complete(results.get(i));
			}
			batches.committed(results);
		} catch (Exception | LinkageError e) {
			if (pending.size() == 1) {
				pending.get(0).result().completeExceptionally(e);
				return;
			}
			for (int i = 0; i < pending.size(); i++) {
				try {
					List<Acceptance> one = batches.write(List.of(prepared.get(i)));
					pending.get(i).result().complete(one.get(0));
					batches.committed(one);
				} catch (Exception | LinkageError e2) {
					pending.get(i).result().completeExceptionally(e2);
				}
			}
		}
	}

	/** Stops taking messages, writes what is queued, and stops the thread. */
	@Override
	public void close() {
		synchronized (lock) {
			closed = true;
		}
		Threads.joinUninterruptibly(thread);
	}
}
