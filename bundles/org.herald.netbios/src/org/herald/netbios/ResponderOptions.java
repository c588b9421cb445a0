/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.netbios;

/**
 * How a name responder runs.
 *
 * @param port       the name service port to bind and to send registrations to (137; tests and labs use others)
 * @param ttlSeconds the time to live to register with and to give in answers (Samba asks 3 days);
 *                   a WINS server grants its own
 * @param messenger  whether NAME&lt;03&gt; is in the table; without it the host is as one whose
 *                   Messenger service is stopped: present by name, no pop-ups by name
 */
public record ResponderOptions(int port, long ttlSeconds, boolean messenger) {

	/** UDP 137, RFC 1002 section 4.2. */
	public static final int NAME_SERVICE_PORT = 137;
	public static final long THREE_DAYS = 259_200;

	public ResponderOptions {
		if (port < 1 || port > 65535) {
			throw new IllegalArgumentException("port out of range: " + port);
		}
		if (ttlSeconds < 1) {
			throw new IllegalArgumentException("the TTL must be positive: " + ttlSeconds);
		}
	}

	/** With NAME&lt;03&gt;. */
	public ResponderOptions(int port, long ttlSeconds) {
		this(port, ttlSeconds, true);
	}

	/** Port 137, TTL 3 days. */
	public static ResponderOptions defaults() {
		return new ResponderOptions(NAME_SERVICE_PORT, THREE_DAYS);
	}

	public ResponderOptions withPort(int newPort) {
		return new ResponderOptions(newPort, ttlSeconds, messenger);
	}

	public ResponderOptions withTtl(long seconds) {
		return new ResponderOptions(port, seconds, messenger);
	}

	public ResponderOptions withoutMessenger() {
		return new ResponderOptions(port, ttlSeconds, false);
	}
}
