/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.outbox.internal;

import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.herald.outbox.Outbox;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Tries the due entries of the workspace's outbox (the {@code -data} folder, the framework's
 * instance area) every {@link Outbox#TICK_SECONDS} seconds while the process runs; the first pass
 * comes one period after start, so a short CLI command ends before it and only long-running
 * processes (herald listen, the workbench) retry. Off with {@code -Dherald.outbox.retrier=false}.
 */
@Component(immediate = true)
public final class OutboxRetrier {

	private final ScheduledExecutorService timer;

	@Activate
	public OutboxRetrier(@Reference Outbox outbox, BundleContext context) {
		Path workspace = workspace(context.getProperty("osgi.instance.area"));
		if (workspace == null || "false".equals(context.getProperty("herald.outbox.retrier"))) {
			timer = null;
			return;
		}
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

	static Path workspace(String area) {
		if (area == null) {
			return null;
		}
		try {
			return Path.of(new URI(area.replace(" ", "%20")));
		} catch (Exception e) {
			return null;
		}
	}

	@Deactivate
	void stop() {
		if (timer != null) {
			timer.shutdownNow();
		}
	}
}
