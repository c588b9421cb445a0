/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.netbios.internal;

import java.time.Duration;

/**
 * Ports and timers of the name responder.
 *
 * <p>RFC 1002 section 6: BCAST_REQ_RETRY_TIMEOUT 250 ms and BCAST_REQ_RETRY_COUNT 3 for broadcast
 * registration; UCAST_REQ_RETRY_TIMEOUT 5 s and UCAST_REQ_RETRY_COUNT 3 for the name server, here
 * 2 s (nmbd answers in milliseconds, or sends a WACK). The TTL asked for is 3 days, as Samba asks;
 * a WINS server grants its own, and Herald refreshes at half of what was granted (RFC 1001 15.1.7).
 *
 * @param port              the name service port to bind and to send to (137)
 * @param broadcastInterval time between broadcast registration tries
 * @param broadcastTries    broadcast registration tries
 * @param unicastInterval   time to wait for the WINS server
 * @param unicastTries      WINS request tries
 * @param ttlSeconds        the TTL to register with, and to give in answers
 * @param maxWack           the longest wait a WACK may ask for
 */
public record ResponderSettings(int port, Duration broadcastInterval, int broadcastTries, Duration unicastInterval,
		int unicastTries, long ttlSeconds, Duration maxWack) {

	public static final long THREE_DAYS = org.herald.netbios.ResponderOptions.THREE_DAYS;

	public ResponderSettings {
		if (port < 1 || port > 65535) {
			throw new IllegalArgumentException("port out of range: " + port);
		}
		if (broadcastTries < 1 || unicastTries < 1 || ttlSeconds < 1) {
			throw new IllegalArgumentException("tries and TTL must be positive");
		}
	}

	public static ResponderSettings defaults() {
		return new ResponderSettings(ClientSettings.NAME_SERVICE_PORT, Duration.ofMillis(250), 3, Duration.ofSeconds(2), 3,
				THREE_DAYS, Duration.ofSeconds(120));
	}

	public ResponderSettings withPort(int newPort) {
		return new ResponderSettings(newPort, broadcastInterval, broadcastTries, unicastInterval, unicastTries, ttlSeconds, maxWack);
	}

	public ResponderSettings withTtl(long seconds) {
		return new ResponderSettings(port, broadcastInterval, broadcastTries, unicastInterval, unicastTries, seconds, maxWack);
	}

	public ResponderSettings withUnicast(Duration interval, int tries) {
		return new ResponderSettings(port, broadcastInterval, broadcastTries, interval, tries, ttlSeconds, maxWack);
	}
}
