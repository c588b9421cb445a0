/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.outbox;

import java.time.Duration;
import java.util.Locale;

import org.herald.messenger.Delivery;
import org.herald.messenger.Delivery.FailureReason;

/**
 * How the outbox retries: the first wait, doubled after each failed attempt up to {@code longest},
 * and how long a message is kept before it expires.
 *
 * @param first   the wait after the first failure (default 30 s)
 * @param longest the longest wait between attempts (default 30 min)
 * @param expiry  how long after it was queued a message expires (default 24 h)
 */
public record RetryPolicy(Duration first, Duration longest, Duration expiry) {

	public static final RetryPolicy DEFAULT = new RetryPolicy(Duration.ofSeconds(30), Duration.ofMinutes(30), Duration.ofHours(24));

	public RetryPolicy {
		if (first.isNegative() || first.isZero() || longest.compareTo(first) < 0 || expiry.isNegative() || expiry.isZero()) {
			throw new IllegalArgumentException("retry policy: first > 0, longest >= first and expiry > 0 (got " + first + ", " + longest
					+ ", " + expiry + ")");
		}
	}

	/** The wait after the {@code attempts}-th failed attempt (1: {@link #first}). */
	public Duration backoff(int attempts) {
		Duration d = first;
		for (int i = 1; i < attempts && d.compareTo(longest) < 0; i++) {
			d = d.multipliedBy(2);
		}
		return d.compareTo(longest) > 0 ? longest : d;
	}

	/**
	 * Whether a failure may heal by itself: the host offline or unreachable, its name not
	 * registered, its messenger not listening. A refusal by the recipient's spam defence, an SMB
	 * error answer (no message service), a text too long, a Herald peer's changed key and a host
	 * that is no Herald peer when encryption is required are final.
	 */
	public static boolean retryable(FailureReason reason) {
		return switch (reason) {
		case NAME_NOT_FOUND, NOT_LISTENING, CALLED_NAME_NOT_PRESENT, REFUSED, TIMEOUT, NETWORK_ERROR -> true;
		case ERROR_STATUS, FLOOD_LIMIT, BLOCKED, TOO_LONG, KEY_CHANGED, NOT_A_PEER -> false;
		};
	}

	/** Whether {@code d} failed for a reason the outbox retries. */
	public static boolean retryable(Delivery d) {
		return d.reason().map(RetryPolicy::retryable).orElse(false);
	}

	/**
	 * Parses a duration as {@code 30s}, {@code 15m}, {@code 2h}, {@code 1d} or an ISO-8601 {@code PT30S}.
	 *
	 * @throws IllegalArgumentException with a readable message
	 */
	public static Duration duration(String text) {
		String s = text.strip().toLowerCase(Locale.ROOT);
		try {
			if (s.startsWith("p")) {
				return Duration.parse(s.toUpperCase(Locale.ROOT));
			}
			if (s.length() >= 2) {
				long n = Long.parseLong(s.substring(0, s.length() - 1));
				if (n > 0) {
					switch (s.charAt(s.length() - 1)) {
					case 's':
						return Duration.ofSeconds(n);
					case 'm':
						return Duration.ofMinutes(n);
					case 'h':
						return Duration.ofHours(n);
					case 'd':
						return Duration.ofDays(n);
					default:
					}
				}
			}
		} catch (RuntimeException e) {
			// reported below
		}
		throw new IllegalArgumentException("'" + text + "' is not a duration: write 30s, 15m, 2h or 1d");
	}
}
