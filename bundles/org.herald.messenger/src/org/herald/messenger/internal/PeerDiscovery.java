/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.internal;

import java.net.Inet4Address;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What this process learnt about which hosts are no Herald peers: a host whose peer port did not
 * take the connection is not probed again for {@link #LEGACY_FOR}, so the composer's automatic
 * encryption does not wait for the connect timeout on every message to a Windows or Samba host. A
 * Herald peer is never remembered as one: its port is connected to for each message anyway.
 */
final class PeerDiscovery {

	static final Duration LEGACY_FOR = Duration.ofMinutes(5);

	/** The process's memory, shared by every sender. */
	static final PeerDiscovery PROCESS = new PeerDiscovery(Clock.systemUTC(), LEGACY_FOR);

	private final Clock clock;
	private final Duration remember;
	private final ConcurrentHashMap<String, Instant> legacyUntil = new ConcurrentHashMap<>();

	PeerDiscovery(Clock clock, Duration remember) {
		this.clock = clock;
		this.remember = remember;
	}

	/** Whether {@code host}'s port {@code port} did not answer within the last {@link #LEGACY_FOR}. */
	boolean knownLegacy(Inet4Address host, int port) {
		String key = key(host, port);
		Instant until = legacyUntil.get(key);
		if (until == null) {
			return false;
		}
		if (!clock.instant().isBefore(until)) {
			legacyUntil.remove(key, until);
			return false;
		}
		return true;
	}

	void legacy(Inet4Address host, int port) {
		legacyUntil.put(key(host, port), clock.instant().plus(remember));
	}

	void peer(Inet4Address host, int port) {
		legacyUntil.remove(key(host, port));
	}

	private static String key(Inet4Address host, int port) {
		return host.getHostAddress() + ":" + port;
	}
}
