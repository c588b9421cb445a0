/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.browser.internal;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * When Herald announces itself (MS-BRWS 3.2.6): after each wait of the schedule in turn (1, 1, 2,
 * 4, 8 minutes), then every last wait (12 minutes); an AnnouncementRequest brings one announcement
 * forward, after a random delay of at most the answer delay. The announcement carries the current
 * wait as its periodicity, so that browsers age Herald by the period it keeps.
 */
final class Announcer {

	interface Announce {
		void announce(int updateCount, Duration periodicity);
	}

	private final List<Duration> schedule;
	private final Duration answerDelay;
	private final ScheduledExecutorService timer;
	private final Announce action;
	private int step;
	private int updateCount;
	private ScheduledFuture<?> next;
	private boolean stopped;

	Announcer(List<Duration> schedule, Duration answerDelay, ScheduledExecutorService timer, Announce action) {
		this.schedule = List.copyOf(schedule);
		this.answerDelay = answerDelay;
		this.timer = timer;
		this.action = action;
	}

	/** Announces now, then on the schedule. */
	synchronized void start() {
		timer.execute(this::fire);
	}

	/** The wait that follows announcement number {@code n} (0-based). */
	static Duration waitAfter(List<Duration> schedule, int n) {
		return schedule.get(Math.min(n, schedule.size() - 1));
	}

	private void fire() {
		Duration period;
		int count;
		synchronized (this) {
			if (stopped) {
				return;
			}
			period = waitAfter(schedule, step);
			count = updateCount;
			updateCount = (updateCount + 1) & 0xFF;
			step++;
			next = timer.schedule(this::fire, period.toMillis(), TimeUnit.MILLISECONDS);
		}
		action.announce(count, period);
	}

	/** An AnnouncementRequest came: announce once more within the answer delay (the schedule goes on). */
	synchronized void requested() {
		if (stopped) {
			return;
		}
		long delay = answerDelay.isZero() ? 0 : ThreadLocalRandom.current().nextLong(answerDelay.toMillis() + 1);
		timer.schedule(() -> {
			Duration period;
			int count;
			synchronized (this) {
				if (stopped) {
					return;
				}
				period = waitAfter(schedule, Math.max(0, step - 1));
				count = updateCount;
				updateCount = (updateCount + 1) & 0xFF;
			}
			action.announce(count, period);
		}, delay, TimeUnit.MILLISECONDS);
	}

	synchronized void stop() {
		stopped = true;
		if (next != null) {
			next.cancel(false);
		}
	}
}
