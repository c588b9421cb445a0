/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.netbios.internal;

import java.time.Duration;

/**
 * Retry timing of name queries and the remote port.
 *
 * <p>RFC 1002 section 6 gives BCAST_REQ_RETRY_TIMEOUT 250 ms and BCAST_REQ_RETRY_COUNT 3, which
 * the defaults follow for broadcasts; for unicast the RFC's UCAST_REQ_RETRY_TIMEOUT is 5 s, which
 * makes a command-line query of an absent host wait 15 s: the default here is 1 s, 3 tries.
 *
 * @param broadcastInterval time between broadcast tries, and how long answers are collected after each
 * @param broadcastTries    broadcast tries
 * @param unicastInterval   time to wait for an answer to a unicast (host or WINS) request
 * @param unicastTries      unicast tries
 * @param remotePort        the name service port of the peers (137; tests use others)
 * @param localPort         the local port to send from (0: an ephemeral port)
 */
public record ClientSettings(Duration broadcastInterval, int broadcastTries, Duration unicastInterval, int unicastTries,
		int remotePort, int localPort) {

	public static final int NAME_SERVICE_PORT = org.herald.netbios.ResponderOptions.NAME_SERVICE_PORT;

	public ClientSettings {
		if (broadcastTries < 1 || unicastTries < 1) {
			throw new IllegalArgumentException("at least one try");
		}
		if (remotePort < 1 || remotePort > 65535 || localPort < 0 || localPort > 65535) {
			throw new IllegalArgumentException("port out of range");
		}
	}

	public static ClientSettings defaults() {
		return new ClientSettings(Duration.ofMillis(250), 3, Duration.ofSeconds(1), 3, NAME_SERVICE_PORT, 0);
	}

	public ClientSettings withRemotePort(int port) {
		return new ClientSettings(broadcastInterval, broadcastTries, unicastInterval, unicastTries, port, localPort);
	}

	public ClientSettings withUnicast(Duration interval, int tries) {
		return new ClientSettings(broadcastInterval, broadcastTries, interval, tries, remotePort, localPort);
	}

	public ClientSettings withBroadcast(Duration interval, int tries) {
		return new ClientSettings(interval, tries, unicastInterval, unicastTries, remotePort, localPort);
	}
}
