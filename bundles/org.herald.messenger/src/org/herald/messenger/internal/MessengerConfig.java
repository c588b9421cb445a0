/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.internal;

import java.net.Inet4Address;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.herald.api.BindInterface;
import org.herald.api.Identity;
import org.herald.messenger.MessengerPorts;
import org.herald.messenger.wire.MessageCharset;

/**
 * Reads the DS configuration (PID {@value #PID}) of the Messenger components. The identity keys are
 * those of the name service's configuration: {@code name}, {@code workgroup}, {@code interfaces}
 * (IP/PREFIX, a list or comma-separated), {@code wins}; then {@code sessionPort} (139),
 * {@code directPort} (445), {@code datagramPort} (138), {@code oem} (IBM850),
 * {@code idleTimeoutSeconds} (60), {@code timeoutSeconds} (5, sender) and {@code parallel} (64, sender).
 */
final class MessengerConfig {

	static final String PID = "org.herald.messenger";

	private final Map<String, Object> p;

	MessengerConfig(Map<String, Object> properties) {
		this.p = properties;
	}

	Identity identity() {
		String name = text("name", null);
		if (name == null) {
			throw new IllegalArgumentException("configuration " + PID + " lacks 'name'");
		}
		List<BindInterface> interfaces = new ArrayList<>();
		for (String s : list(p.get("interfaces"))) {
			interfaces.add(BindInterface.parse(s));
		}
		String wins = text("wins", "");
		Optional<Inet4Address> server = wins.isBlank() ? Optional.empty() : Optional.of(BindInterface.parseIpv4(wins.strip()));
		return new Identity(name, text("workgroup", "WORKGROUP"), interfaces, server);
	}

	MessengerPorts ports() {
		MessengerPorts d = MessengerPorts.STANDARD;
		return new MessengerPorts(number("sessionPort", d.session()), number("directPort", d.direct()), number("datagramPort", d.datagram()));
	}

	MessageCharset charset() {
		return MessageCharset.named(text("oem", MessageCharset.DEFAULT_OEM));
	}

	Duration idleTimeout() {
		return Duration.ofSeconds(number("idleTimeoutSeconds", 60));
	}

	Duration timeout() {
		return Duration.ofSeconds(number("timeoutSeconds", 5));
	}

	int parallel() {
		return number("parallel", 64);
	}

	private int number(String key, int fallback) {
		Object v = p.get(key);
		return v == null ? fallback : v instanceof Number n ? n.intValue() : Integer.parseInt(v.toString().strip());
	}

	private String text(String key, String fallback) {
		Object v = p.get(key);
		return v == null ? fallback : v.toString();
	}

	private static List<String> list(Object v) {
		List<String> out = new ArrayList<>();
		if (v instanceof String s) {
			for (String part : s.split(",")) {
				if (!part.isBlank()) {
					out.add(part.strip());
				}
			}
		} else if (v instanceof String[] a) {
			out.addAll(List.of(a));
		} else if (v instanceof Collection<?> c) {
			c.forEach(x -> out.add(x.toString()));
		}
		return out;
	}
}
