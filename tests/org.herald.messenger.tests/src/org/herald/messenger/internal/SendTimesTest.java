/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

/** {@code --at} and {@code --every} on a fixed clock in Europe/Berlin (no network). */
class SendTimesTest {

	private final Clock clock = Clock.fixed(Instant.parse("2026-12-07T16:30:00Z"), ZoneId.of("Europe/Berlin")); // 17:30 local

	@Test
	void hoursAndMinutesAreTodayOrTomorrowAndADateTimeIsLocal() {
		assertEquals(Instant.parse("2026-12-07T17:00:00Z"), SendTimes.at("18:00", clock));
		assertEquals(Instant.parse("2026-12-08T07:05:00Z"), SendTimes.at("8:05", clock), "past today: tomorrow");
		assertEquals(Instant.parse("2026-12-24T08:00:00Z"), SendTimes.at("2026-12-24T09:00", clock));
		assertEquals("--at 2026-12-01T09:00 has passed", assertThrows(IllegalArgumentException.class, () -> SendTimes.at("2026-12-01T09:00", clock))
				.getMessage());
		assertEquals("--at wants HH:MM[:SS] (today, or tomorrow once past) or a local date-time such as 2026-12-07T18:00, not 'soon'",
				assertThrows(IllegalArgumentException.class, () -> SendTimes.at("soon", clock)).getMessage());
		assertThrows(IllegalArgumentException.class, () -> SendTimes.at("25:00", clock));
		assertEquals(Instant.parse("2026-12-07T16:30:20Z"), SendTimes.at("17:30:20", clock), "seconds: 20 s from now");
		assertEquals(Instant.parse("2026-12-07T16:30:20Z"), SendTimes.at("2026-12-07T17:30:20", clock));
		assertEquals(Instant.parse("2026-12-08T16:30:00Z"), SendTimes.at("17:30", clock), "now is not ahead: tomorrow");
		assertThrows(IllegalArgumentException.class, () -> SendTimes.at("17:3", clock));
	}

	@Test
	void periodsAreMinutesHoursDaysOrIsoAndAtLeastAMinute() {
		assertEquals(Duration.ofMinutes(30), SendTimes.every("30m"));
		assertEquals(Duration.ofHours(2), SendTimes.every("2h"));
		assertEquals(Duration.ofDays(1), SendTimes.every("1d"));
		assertEquals(Duration.ofMinutes(90), SendTimes.every("PT1H30M"));
		assertEquals("--every PT30S: at least 1m", assertThrows(IllegalArgumentException.class, () -> SendTimes.every("PT30S")).getMessage());
		assertEquals("--every wants a period such as 30m, 2h or 1d, not 'weekly'",
				assertThrows(IllegalArgumentException.class, () -> SendTimes.every("weekly")).getMessage());
	}
}
