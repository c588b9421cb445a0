/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.internal;

import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.function.BooleanSupplier;

import org.herald.api.Threads;

/**
 * Prints the messages {@code herald listen} stored, on its own thread, so that the output never holds
 * back an acknowledgement: a terminal scrolled back, paused (Ctrl-S) or slow over ssh delays the
 * printing, not the senders. Under load many messages go out in one write and one flush. When the
 * output falls {@link #MAX_BACKLOG} messages behind, further ones are counted instead of queued and a
 * line says how many were not shown (they are in the inbox).
 */
final class MessagePrinter implements AutoCloseable {

	/** Messages waiting to be printed at most; beyond that they are skipped (the store has them). */
	static final int MAX_BACKLOG = 10_000;

	private final PrintStream out;
	private final Object lock = new Object();
	private final ArrayDeque<String> queue = new ArrayDeque<>();
	private final Thread thread;
	private int skipped;
	/** Messages printed or skipped so far. */
	private long done;
	private boolean closed;

	MessagePrinter(PrintStream out) {
		this.out = out;
		this.thread = new Thread(this::run, "herald-listen-printer");
		thread.setDaemon(true);
		thread.start();
	}

	/** Queues one message's text (complete lines); never blocks on the output. */
	void print(String text) {
		synchronized (lock) {
			if (queue.size() >= MAX_BACKLOG) {
				skipped++;
			} else {
				queue.add(text);
			}
			lock.notifyAll();
		}
	}

	/** Waits until {@code count} messages were printed or skipped, or {@code stop} says so (checked every 200 ms). */
	void awaitCount(long count, BooleanSupplier stop) throws InterruptedException {
		synchronized (lock) {
			while (done < count && !stop.getAsBoolean()) {
				lock.wait(200);
			}
		}
	}

	private void run() {
		StringBuilder batch = new StringBuilder();
		while (true) {
			int messages;
			int skip;
			synchronized (lock) {
				while (queue.isEmpty() && skipped == 0 && !closed) {
					try {
						lock.wait();
					} catch (InterruptedException e) {
						// nobody interrupts this thread; close() ends it
					}
				}
				if (queue.isEmpty() && skipped == 0) {
					return; // closed and drained
				}
				messages = queue.size();
				for (String s; (s = queue.poll()) != null;) {
					batch.append(s);
				}
				skip = skipped;
				skipped = 0;
			}
			if (skip > 0) {
				batch.append("... ").append(skip).append(skip == 1 ? " message" : " messages")
						.append(" not shown (the output was too slow); see herald inbox list").append(System.lineSeparator());
			}
			synchronized (out) {
				out.print(batch);
				out.flush();
			}
			batch.setLength(0);
			if (batch.capacity() > 1 << 20) {
				batch.trimToSize(); // a burst's buffer is not kept
			}
			synchronized (lock) {
				done += messages + skip;
				lock.notifyAll();
			}
		}
	}

	/** Prints what is queued, then stops the thread. */
	@Override
	public void close() {
		synchronized (lock) {
			closed = true;
			lock.notifyAll();
		}
		Threads.joinUninterruptibly(thread);
	}
}
