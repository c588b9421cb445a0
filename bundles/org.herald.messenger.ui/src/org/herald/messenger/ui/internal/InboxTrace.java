/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.ui.internal;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A timing trace of the inbox view for benchmarks, off by default. With the system property
 * {@code herald.trace.inbox=true} (e.g. {@code HERALD_VMARGS=-Dherald.trace.inbox=true herald}) it writes
 * one line per step to standard error:
 *
 * <pre>
 * inbox: epoch=1764412345678 jvm=2314 part=120 ids 1000000 in 412 ms
 * </pre>
 *
 * {@code epoch} is the wall clock in milliseconds (to compare with a script's clock), {@code jvm} the
 * milliseconds since the process started, {@code part} the milliseconds since the part was created.
 * Rows drawn in one turn of the UI loop are reported together as "rows FIRST-LAST shown".
 */
public final class InboxTrace {

	public static final String PROPERTY = "herald.trace.inbox";

	private final boolean on;
	private final PrintStream out;
	private final long processStart;
	private final long created = System.currentTimeMillis();
	private int firstShown = Integer.MAX_VALUE;
	private int lastShown = -1;

	/** A trace that is on if the system property says so. */
	public static InboxTrace fromSystemProperty() {
		return new InboxTrace(Boolean.getBoolean(PROPERTY), System.err);
	}

	InboxTrace(boolean on, PrintStream out) {
		this.on = on;
		this.out = out;
		this.processStart = ProcessHandle.current().info().startInstant().map(i -> i.toEpochMilli()).orElse(created);
	}

	public boolean on() {
		return on;
	}

	/** Writes one timestamped line (formatted like {@link String#format}) if the trace is on. */
	public void log(String format, Object... args) {
		if (on) {
			long now = System.currentTimeMillis();
			out.println("inbox: epoch=" + now + " jvm=" + (now - processStart) + " part=" + (now - created) + " "
					+ String.format(Locale.ROOT, format, args));
			out.flush();
		}
	}

	/**
	 * Notes that {@code row} was drawn; returns true for the first row of a new batch, when the caller
	 * should schedule {@link #flushShown()} for the end of this turn of the UI loop.
	 */
	public boolean shown(int row) {
		if (!on) {
			return false;
		}
		boolean first = lastShown < 0;
		firstShown = Math.min(firstShown, row);
		lastShown = Math.max(lastShown, row);
		return first;
	}

	/** Writes the rows drawn since the last flush as one line. */
	public void flushShown() {
		if (lastShown >= 0) {
			log("rows %d-%d shown", firstShown, lastShown);
		}
		firstShown = Integer.MAX_VALUE;
		lastShown = -1;
	}
}
