/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.api;

import java.time.Duration;

/**
 * What one source may hold of the session receiver (TCP 139 and 445). Kept with the spam policy in
 * the workspace's inbox; the receivers read it while they run.
 *
 * @param idleTimeout a session is closed when it sends nothing for this long, and when a packet it
 *                    began does not arrive whole within this long (a sender stopping half-way)
 * @param perAddress  sessions open at once from one source address; a further one is closed at once
 * @param total       sessions open at once from all sources; a further one is closed at once
 */
public record SessionLimits(Duration idleTimeout, int perAddress, int total) {

	/** The longest idle timeout accepted. */
	public static final Duration MAX_IDLE_TIMEOUT = Duration.ofHours(1);
	/** The most sessions accepted as a limit. */
	public static final int MAX_SESSIONS = 65_536;

	/**
	 * 30 s idle, 16 sessions per address, 1,024 in all. smbclient -M and NET SEND open one session per
	 * message and send it within milliseconds; a host with more than 16 messages in flight to us at once
	 * is flooding. 1,024 sessions cost a few MB (a virtual thread and two 4 KB buffers each).
	 */
	public static final SessionLimits DEFAULTS = new SessionLimits(Duration.ofSeconds(30), 16, 1024);

	public SessionLimits {
		if (idleTimeout.compareTo(Duration.ofSeconds(1)) < 0 || idleTimeout.compareTo(MAX_IDLE_TIMEOUT) > 0) {
			throw new IllegalArgumentException("idle timeout must be 1 s to 1 h: " + idleTimeout.toSeconds() + " s");
		}
		if (perAddress < 1 || perAddress > MAX_SESSIONS || total < 1 || total > MAX_SESSIONS) {
			throw new IllegalArgumentException("session limits must be 1 to " + MAX_SESSIONS + ": " + perAddress + " per address, " + total + " in all");
		}
	}

	public SessionLimits withIdleTimeout(Duration timeout) {
		return new SessionLimits(timeout, perAddress, total);
	}
}
