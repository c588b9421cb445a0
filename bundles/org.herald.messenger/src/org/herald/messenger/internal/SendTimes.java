/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** {@code herald send --at TIME} and {@code --every DURATION}: when a scheduled send is due, on the local clock. */
final class SendTimes {

	private SendTimes() {
	}

	/** A scheduled send's first time and its repeat. */
	record When(Instant at, java.util.Optional<Duration> every) {
	}

	/**
	 * {@code 2026-12-07T18:00} (ISO local date-time, seconds optional), or {@code HH:MM[:SS]}: today if
	 * that is still ahead, else tomorrow.
	 *
	 * @throws IllegalArgumentException saying what is accepted; a date-time that has passed is refused
	 */
	static Instant at(String text, Clock clock) {
		String s = text.strip();
		ZonedDateTime now = ZonedDateTime.now(clock);
		try {
			if (s.indexOf('T') < 0 && s.indexOf(':') > 0) {
				LocalTime t = LocalTime.parse(s.indexOf(':') == 1 ? "0" + s : s);
				ZonedDateTime today = now.with(t);
				return (today.isAfter(now) ? today : today.plusDays(1)).toInstant();
			}
			Instant at = LocalDateTime.parse(s).atZone(clock.getZone()).toInstant();
			if (!at.isAfter(now.toInstant())) {
				throw new IllegalArgumentException("--at " + s + " has passed");
			}
			return at;
		} catch (DateTimeParseException e) {
			throw new IllegalArgumentException("--at wants HH:MM[:SS] (today, or tomorrow once past) or a local date-time such as 2026-12-07T18:00, not '"
					+ s + "'");
		}
	}

	/** {@code 30m}, {@code 2h}, {@code 1d} or ISO ({@code PT1H30M}); at least a minute. */
	static Duration every(String text) {
		String s = text.strip().toLowerCase(Locale.ROOT);
		Duration d = null;
		try {
			if (s.startsWith("p")) {
				d = Duration.parse(s.toUpperCase(Locale.ROOT));
			} else if (s.length() >= 2) {
				long n = Long.parseLong(s.substring(0, s.length() - 1));
				d = switch (s.charAt(s.length() - 1)) {
				case 'm' -> Duration.ofMinutes(n);
				case 'h' -> Duration.ofHours(n);
				case 'd' -> Duration.ofDays(n);
				default -> null;
				};
			}
		} catch (RuntimeException e) {
			d = null;
		}
		if (d == null) {
			throw new IllegalArgumentException("--every wants a period such as 30m, 2h or 1d, not '" + text + "'");
		}
		if (d.compareTo(Duration.ofMinutes(1)) < 0) {
			throw new IllegalArgumentException("--every " + text + ": at least 1m");
		}
		return d;
	}
}
