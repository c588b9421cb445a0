/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.browser;

import java.time.Duration;
import java.util.List;

/**
 * How a {@link HostBrowser} runs.
 *
 * @param datagramPort     the datagram service port (138) for announcements
 * @param nameServicePort  the name service port (137) for master lookups, WINS and scans
 * @param sessionPort      the session service port (139) for server lists
 * @param listen           whether to listen for announcements on UDP 138
 * @param announce         whether Herald announces itself (HostAnnouncement to WG&lt;1D&gt;)
 * @param announceSchedule the waits before each announcement; the last repeats (MS-BRWS 3.2.6:
 *                         1, 1, 2, 4, 8, then every 12 minutes)
 * @param comment          the comment Herald announces
 * @param answerDelay      the longest random wait before answering an AnnouncementRequest (MS-BRWS: 30 s)
 * @param queryWindow      how long to collect answers to a broadcast name query, per try
 * @param timeout          connect and read timeout of server list sessions
 */
public record BrowserSettings(int datagramPort, int nameServicePort, int sessionPort, boolean listen, boolean announce,
		List<Duration> announceSchedule, String comment, Duration answerDelay, Duration queryWindow, Duration timeout) {

	public static final List<Duration> STANDARD_SCHEDULE = List.of(Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ofMinutes(2),
			Duration.ofMinutes(4), Duration.ofMinutes(8), Duration.ofMinutes(12));

	public BrowserSettings {
		announceSchedule = List.copyOf(announceSchedule);
		if (announceSchedule.isEmpty()) {
			throw new IllegalArgumentException("the announcement schedule needs at least one period");
		}
	}

	public static BrowserSettings defaults() {
		return new BrowserSettings(138, 137, 139, true, false, STANDARD_SCHEDULE, "Herald", Duration.ofSeconds(30), Duration.ofMillis(500),
				Duration.ofSeconds(5));
	}

	public BrowserSettings withPorts(int datagram, int nameService, int session) {
		return new BrowserSettings(datagram, nameService, session, listen, announce, announceSchedule, comment, answerDelay, queryWindow,
				timeout);
	}

	public BrowserSettings withListen(boolean l) {
		return new BrowserSettings(datagramPort, nameServicePort, sessionPort, l, announce, announceSchedule, comment, answerDelay,
				queryWindow, timeout);
	}

	/** Announcing on; {@code schedule} as in the record (e.g. all 1 s in tests). */
	public BrowserSettings withAnnouncements(List<Duration> schedule, String text) {
		return new BrowserSettings(datagramPort, nameServicePort, sessionPort, listen, true, schedule, text, answerDelay, queryWindow,
				timeout);
	}

	public BrowserSettings withAnswerDelay(Duration d) {
		return new BrowserSettings(datagramPort, nameServicePort, sessionPort, listen, announce, announceSchedule, comment, d, queryWindow,
				timeout);
	}

	public BrowserSettings withTimeouts(Duration window, Duration session) {
		return new BrowserSettings(datagramPort, nameServicePort, sessionPort, listen, announce, announceSchedule, comment, answerDelay,
				window, session);
	}

	/** A schedule of {@code n} waits of {@code period} each (the last repeats): for tests and labs. */
	public static List<Duration> every(Duration period) {
		return List.of(period);
	}
}
