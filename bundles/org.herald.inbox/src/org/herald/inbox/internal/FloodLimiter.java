/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.inbox.internal;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * At most {@code limit} messages per source address in any window of the given length (a sliding
 * window over the arrival times of the messages it admitted). Time is the messages' own arrival time, so
 * the limiter needs no clock. It remembers at most {@value #MAX_ADDRESSES} addresses, least recently
 * seen forgotten first, so spoofed source addresses cannot exhaust memory.
 */
final class FloodLimiter {

	static final int MAX_ADDRESSES = 4096;

	private final Map<InetAddress, ArrayDeque<Instant>> admitted = new LinkedHashMap<>(256, 0.75f, true) {
		private static final long serialVersionUID = 1L;

		@Override
		protected boolean removeEldestEntry(Map.Entry<InetAddress, ArrayDeque<Instant>> eldest) {
			return size() > MAX_ADDRESSES;
		}
	};

	/** Whether a message from {@code source} arriving at {@code at} is within the limit; if so it is counted. */
	synchronized boolean admit(InetAddress source, Instant at, int limit, Duration window) {
		if (limit == 0) {
			return true;
		}
		ArrayDeque<Instant> times = admitted.computeIfAbsent(source, a -> new ArrayDeque<>());
		Instant horizon = at.minus(window);
		while (!times.isEmpty() && !times.peekFirst().isAfter(horizon)) {
			times.pollFirst();
		}
		if (times.size() >= limit) {
			return false;
		}
		times.addLast(at);
		return true;
	}
}
