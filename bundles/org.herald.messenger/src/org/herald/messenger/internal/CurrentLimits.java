/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.internal;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.herald.api.SessionLimits;

/**
 * The session limits in effect, read from their source (the inbox's policy, a database read) at most
 * once per {@link #REFRESH_NANOS} and never on the caller's thread: the accept loop asks for every
 * connection and must not wait for a store busy committing a flood. Until the first read the
 * defaults apply; when a read fails the last limits stay.
 */
final class CurrentLimits implements Supplier<SessionLimits> {

	static final long REFRESH_NANOS = 1_000_000_000L;

	private final Supplier<SessionLimits> source;
	private final AtomicBoolean refreshing = new AtomicBoolean();
	private volatile SessionLimits current;
	private volatile long readAt;

	CurrentLimits(Supplier<SessionLimits> source, SessionLimits initial) {
		this.source = source;
		this.current = initial;
		this.readAt = System.nanoTime() - 2 * REFRESH_NANOS;
	}

	/** Fixed limits, never refreshed. */
	static CurrentLimits fixed(SessionLimits limits) {
		CurrentLimits c = new CurrentLimits(() -> limits, limits);
		c.readAt = Long.MAX_VALUE;
		return c;
	}

	/** Reads the source once, on the caller's thread (at start, so that the first connection sees the saved limits). */
	void refreshNow() {
		try {
			SessionLimits l = source.get();
			if (l != null) {
				current = l;
			}
		} catch (RuntimeException e) {
			// keep the last ones
		}
		readAt = System.nanoTime();
	}

	@Override
	public SessionLimits get() {
		long at = readAt;
		if (at != Long.MAX_VALUE && System.nanoTime() - at > REFRESH_NANOS && refreshing.compareAndSet(false, true)) {
			Thread.ofVirtual().name("herald-session-limits").start(() -> {
				try {
					refreshNow();
				} finally {
					refreshing.set(false);
				}
			});
		}
		return current;
	}
}
