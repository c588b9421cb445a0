/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.netbios.internal;

import java.net.Inet4Address;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.herald.api.BindInterface;
import org.herald.api.Identity;

/**
 * Reads the DS configuration (PID {@value #PID}) of the name service components:
 * {@code name}, {@code workgroup}, {@code interfaces} (IP/PREFIX, a list or comma-separated),
 * {@code wins} (optional IP) and {@code port} (the name service port, 137 by default).
 */
final class NameServiceConfig {

	static final String PID = "org.herald.netbios.names";

	private NameServiceConfig() {
	}

	static Identity identity(Map<String, Object> p) {
		String name = text(p, "name", null);
		String workgroup = text(p, "workgroup", "WORKGROUP");
		if (name == null) {
			throw new IllegalArgumentException("configuration " + PID + " lacks 'name'");
		}
		List<BindInterface> interfaces = new ArrayList<>();
		for (String s : list(p.get("interfaces"))) {
			interfaces.add(BindInterface.parse(s));
		}
		String wins = text(p, "wins", "");
		Optional<Inet4Address> winsServer = wins.isBlank() ? Optional.empty() : Optional.of(BindInterface.parseIpv4(wins.strip()));
		return new Identity(name, workgroup, interfaces, winsServer);
	}

	static int port(Map<String, Object> p) {
		return Integer.parseInt(text(p, "port", String.valueOf(ClientSettings.NAME_SERVICE_PORT)));
	}

	static ClientSettings clientSettings(Map<String, Object> p) {
		return ClientSettings.defaults().withRemotePort(port(p));
	}

	private static String text(Map<String, Object> p, String key, String fallback) {
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
