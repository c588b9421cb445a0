/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.inbox;

import java.time.Duration;

import org.herald.api.SessionLimits;

/**
 * The spam policy's settings.
 *
 * @param floodLimit          at most this many messages per source address within {@code floodWindow};
 *                            more are dropped and counted; 0 disables the limit
 * @param floodWindow         the window of the flood limit
 * @param storeBlocked        store blocked messages with the BLOCKED flag instead of only counting them
 * @param quarantineOutsiders quarantine messages from outside the local and trusted subnets
 * @param sessions            what one source may hold of the session receiver (idle timeout, open sessions)
 */
public record SpamSettings(int floodLimit, Duration floodWindow, boolean storeBlocked, boolean quarantineOutsiders, SessionLimits sessions) {

	/** 30 messages in 10 seconds per address; blocked messages only counted; outsiders quarantined; {@link SessionLimits#DEFAULTS}. */
	public static final SpamSettings DEFAULTS = new SpamSettings(30, Duration.ofSeconds(10), false, true, SessionLimits.DEFAULTS);

	public SpamSettings {
		if (floodLimit < 0) {
			throw new IllegalArgumentException("flood limit must not be negative: " + floodLimit);
		}
		if (floodWindow.isNegative() || floodWindow.isZero() || floodWindow.compareTo(Duration.ofDays(1)) > 0) {
			throw new IllegalArgumentException("flood window must be more than 0 and at most a day: " + floodWindow);
		}
		if (sessions == null) {
			throw new IllegalArgumentException("session limits missing");
		}
	}

	/** With the default session limits. */
	public SpamSettings(int floodLimit, Duration floodWindow, boolean storeBlocked, boolean quarantineOutsiders) {
		this(floodLimit, floodWindow, storeBlocked, quarantineOutsiders, SessionLimits.DEFAULTS);
	}

	public SpamSettings withSessions(SessionLimits limits) {
		return new SpamSettings(floodLimit, floodWindow, storeBlocked, quarantineOutsiders, limits);
	}
}
