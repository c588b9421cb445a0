/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.outbox.internal;

import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.herald.outbox.Outbox;

/**
 * Tries the due entries of one workspace's outbox every {@link Outbox#TICK_SECONDS} seconds, the
 * first one period after start, until closed. Started by {@link OutboxFallback#retryWhileRunning}
 * for the processes that stay on the network (herald listen, the workbench).
 */
final class OutboxRetrier implements AutoCloseable {

	private final ScheduledExecutorService timer;

	OutboxRetrier(Outbox outbox, Path workspace) {
		timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("herald-outbox").factory());
		timer.scheduleWithFixedDelay(() -> {
			try {
				outbox.queue(workspace).retryDueNow();
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			} catch (Exception e) {
				System.err.println("herald: outbox: " + e.getMessage());
			}
		}, Outbox.TICK_SECONDS, Outbox.TICK_SECONDS, TimeUnit.SECONDS);
	}

	@Override
	public void close() {
		timer.shutdownNow();
	}
}
