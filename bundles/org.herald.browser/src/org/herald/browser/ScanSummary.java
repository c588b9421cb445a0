/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.browser;

import java.time.Duration;
import java.util.List;

/**
 * The counts of a finished scan.
 *
 * @param targets   addresses asked
 * @param sent      queries sent, retries included
 * @param answered  hosts that answered
 * @param refused   hosts that said (ICMP port unreachable) that they have no name service
 * @param malformed datagrams dropped as malformed or not an answer to this scan
 * @param sendErrors queries the socket refused
 * @param elapsed   from the first query to the end
 * @param lastAnswer from the first query to the last answer: when the scan had found every host it
 *                   found (the rest of {@code elapsed} is waiting out the hosts that never answer)
 */
public record ScanSummary(int targets, long sent, int answered, int refused, long malformed, long sendErrors, Duration elapsed, Duration lastAnswer) {

	/** The combined counts of scans that ran side by side (on different interfaces). */
	public static ScanSummary ofConcurrent(List<ScanSummary> parts) {
		int targets = 0;
		long sent = 0;
		int answered = 0;
		int refused = 0;
		long malformed = 0;
		long sendErrors = 0;
		Duration elapsed = Duration.ZERO;
		Duration lastAnswer = Duration.ZERO;
		for (ScanSummary s : parts) {
			targets += s.targets;
			sent += s.sent;
			answered += s.answered;
			refused += s.refused;
			malformed += s.malformed;
			sendErrors += s.sendErrors;
			elapsed = elapsed.compareTo(s.elapsed) < 0 ? s.elapsed : elapsed;
			lastAnswer = lastAnswer.compareTo(s.lastAnswer) < 0 ? s.lastAnswer : lastAnswer;
		}
		return new ScanSummary(targets, sent, answered, refused, malformed, sendErrors, elapsed, lastAnswer);
	}

	/** Addresses scanned per second. */
	public double hostsPerSecond() {
		double s = elapsed.toNanos() / 1e9;
		return s <= 0 ? 0 : targets / s;
	}
}
