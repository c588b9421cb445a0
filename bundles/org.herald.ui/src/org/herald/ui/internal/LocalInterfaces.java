/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.ui.internal;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.herald.api.BindInterface;
import org.herald.api.NetbiosName;

/**
 * What the first-run setup proposes: this machine's IPv4 interfaces (read from the operating system,
 * nothing bound or sent) and a NetBIOS name made from the host name.
 */
final class LocalInterfaces {

	/** One IPv4 address of a network interface, e.g. {@code eth0 192.168.1.5/24}. */
	record LocalInterface(String device, BindInterface address, boolean loopback, boolean up) {
	}

	private LocalInterfaces() {
	}

	/** Every IPv4 address of every interface, loopback last; empty if the system lists none. */
	static List<LocalInterface> list() {
		List<LocalInterface> found = new ArrayList<>();
		try {
			for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
				boolean loopback = nic.isLoopback();
				boolean up = nic.isUp();
				for (InterfaceAddress a : nic.getInterfaceAddresses()) {
					if (a.getAddress() instanceof Inet4Address ip && a.getNetworkPrefixLength() >= 0 && a.getNetworkPrefixLength() <= 32) {
						found.add(new LocalInterface(nic.getName(), new BindInterface(ip, a.getNetworkPrefixLength()), loopback, up));
					}
				}
			}
		} catch (SocketException e) {
			return List.of();
		}
		found.sort((x, y) -> Boolean.compare(x.loopback(), y.loopback()));
		return found;
	}

	/** This machine's host name, from the system, without asking DNS; empty if unknown. */
	static String hostName() {
		for (String key : List.of("COMPUTERNAME", "HOSTNAME")) {
			String v = System.getenv(key);
			if (v != null && !v.isBlank()) {
				return v.strip();
			}
		}
		for (String file : List.of("/proc/sys/kernel/hostname", "/etc/hostname")) {
			try {
				String v = Files.readString(Path.of(file)).strip();
				if (!v.isEmpty()) {
					return v;
				}
			} catch (IOException | SecurityException e) {
				// try the next source
			}
		}
		return "";
	}

	/**
	 * The NetBIOS name proposed for {@code hostName}: its first label, upper-case, characters a
	 * NetBIOS name cannot hold dropped, at most 15 characters; {@code HERALD} if nothing is left.
	 */
	static String netbiosNameFor(String hostName) {
		String label = hostName.strip();
		int dot = label.indexOf('.');
		if (dot >= 0) {
			label = label.substring(0, dot);
		}
		StringBuilder sb = new StringBuilder();
		for (char c : label.toUpperCase(Locale.ROOT).toCharArray()) {
			if (sb.length() < 15 && NetbiosName.problemWith(sb.toString() + c) == null) {
				sb.append(c);
			}
		}
		return sb.isEmpty() ? "HERALD" : sb.toString();
	}
}
