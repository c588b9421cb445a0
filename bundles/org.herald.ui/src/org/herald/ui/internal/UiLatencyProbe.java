/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.ui.internal;

import java.io.PrintStream;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.eclipse.swt.widgets.Display;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;

/**
 * A benchmark probe of the UI thread's responsiveness, off by default (an addon of the application
 * model that does nothing unless {@code -Dherald.trace.ui=true}). Every {@value #PERIOD_MS} ms a
 * background thread posts a runnable with {@link Display#asyncExec} and notes how long it waited until
 * the UI thread ran it; each sample becomes one line on standard error:
 *
 * <pre>
 * ui-latency: epoch=1764412345678 delay_us=1234
 * </pre>
 *
 * {@code epoch} is when the runnable was posted (wall clock, milliseconds), so a script can pick the
 * samples of any interval (idle, or during a scan) and take their maximum and percentiles.
 */
public class UiLatencyProbe {

	public static final String PROPERTY = "herald.trace.ui";
	static final int PERIOD_MS = 50;

	private final PrintStream out;
	private final Queue<String> samples = new ConcurrentLinkedQueue<>();
	private ScheduledExecutorService timer;
	private Display display;

	public UiLatencyProbe() {
		this(System.err);
	}

	UiLatencyProbe(PrintStream out) {
		this.out = out;
	}

	@PostConstruct
	public void start() {
		if (Boolean.getBoolean(PROPERTY)) {
			start(Display.getCurrent());
		}
	}

	/** Starts probing {@code display} (for tests, and from the addon when the property is set). */
	void start(Display on) {
		if (on == null || timer != null) {
			return;
		}
		display = on;
		timer = Executors.newSingleThreadScheduledExecutor(r -> {
			Thread t = new Thread(r, "herald-ui-latency-probe");
			t.setDaemon(true);
			return t;
		});
		timer.scheduleAtFixedRate(this::probe, PERIOD_MS, PERIOD_MS, TimeUnit.MILLISECONDS);
	}

	private void probe() {
		flush();
		if (display.isDisposed()) {
			return;
		}
		long epoch = System.currentTimeMillis();
		long posted = System.nanoTime();
		try {
			display.asyncExec(() -> samples.add("ui-latency: epoch=" + epoch + " delay_us=" + (System.nanoTime() - posted) / 1_000));
		} catch (RuntimeException e) {
			// the display went away between the check and the post: nothing more to measure
		}
	}

	/** Writes the samples taken so far. */
	void flush() {
		String line;
		while ((line = samples.poll()) != null) {
			out.println(line);
		}
		out.flush();
	}

	@PreDestroy
	public void stop() {
		if (timer != null) {
			timer.shutdownNow();
			flush();
		}
	}
}
