/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.inbox.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;

import org.herald.api.BindInterface;
import org.junit.jupiter.api.Test;

class FloodLimiterTest {

	static final InetAddress A = BindInterface.parseIpv4("198.51.100.1");
	static final InetAddress B = BindInterface.parseIpv4("198.51.100.2");
	static final Instant T = Instant.parse("2026-01-05T09:00:00Z");
	static final Duration W = Duration.ofSeconds(10);

	@Test
	void admitsTheLimitPerWindowAndPerAddress() {
		FloodLimiter f = new FloodLimiter();
		assertTrue(f.admit(A, T, 3, W));
		assertTrue(f.admit(A, T.plusSeconds(1), 3, W));
		assertTrue(f.admit(A, T.plusSeconds(2), 3, W));
		assertFalse(f.admit(A, T.plusSeconds(3), 3, W));
		assertTrue(f.admit(B, T.plusSeconds(3), 3, W), "another address has its own budget");
		assertFalse(f.admit(A, T.plusSeconds(9), 3, W));
		// the window slides: at T+10 the message of T is out of it
		assertTrue(f.admit(A, T.plusSeconds(10), 3, W));
		assertFalse(f.admit(A, T.plusSeconds(10), 3, W));
		assertTrue(f.admit(A, T.plusSeconds(12), 3, W));
	}

	@Test
	void refusedMessagesDoNotUseTheBudget() {
		FloodLimiter f = new FloodLimiter();
		for (int i = 0; i < 100; i++) {
			f.admit(A, T.plusMillis(i), 2, W);
		}
		assertTrue(f.admit(A, T.plusSeconds(10), 2, W), "a flooder gets the limit again once its admitted messages age out");
	}

	@Test
	void limitZeroAdmitsEverything() {
		FloodLimiter f = new FloodLimiter();
		for (int i = 0; i < 1000; i++) {
			assertTrue(f.admit(A, T, 0, W));
		}
	}
}
