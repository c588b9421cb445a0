/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.netbios.internal;

import java.net.Inet4Address;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.herald.api.BindInterface;

/**
 * What this machine's own configuration says about its NetBIOS network: the {@code [global]}
 * section of a Samba configuration (smb.conf(5): {@code workgroup}, {@code wins server}) and the
 * NetBIOS name servers of ISC dhclient leases (DHCP option 44, {@code option netbios-name-servers}).
 * Pure: parses text, reads no file.
 */
public final class LocalConfiguration {

	/** The [global] settings of a Samba configuration that a new installation can take over. */
	public record Samba(Optional<String> workgroup, List<Inet4Address> winsServers) {
	}

	private static final Pattern NAME_SERVERS = Pattern.compile("option\\s+netbios-name-servers\\s+([^;]*);");

	private LocalConfiguration() {
	}

	/**
	 * Reads the [global] section (smb.conf(5): keys are case-insensitive, {@code ;} and {@code #}
	 * start comments, a trailing backslash continues a line; the last of several values counts).
	 * {@code wins server} lists addresses, each perhaps tagged as {@code TAG:IP}; what is not an IPv4
	 * address (a host name) is left out, since Herald never asks DNS.
	 */
	public static Samba samba(String text) {
		Optional<String> workgroup = Optional.empty();
		List<Inet4Address> wins = List.of();
		String section = "global";
		for (String line : joinContinuations(text)) {
			String l = line.strip();
			if (l.isEmpty() || l.startsWith("#") || l.startsWith(";")) {
				continue;
			}
			if (l.startsWith("[")) {
				int end = l.indexOf(']');
				section = (end > 0 ? l.substring(1, end) : l.substring(1)).strip().toLowerCase(Locale.ROOT);
				continue;
			}
			int eq = l.indexOf('=');
			if (!section.equals("global") || eq < 0) {
				continue;
			}
			String key = l.substring(0, eq).strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
			String value = l.substring(eq + 1).strip();
			if (key.equals("workgroup") && !value.isEmpty()) {
				workgroup = Optional.of(value.toUpperCase(Locale.ROOT));
			} else if (key.equals("wins server")) {
				wins = addresses(value.split("[\\s,]+"), true);
			}
		}
		return new Samba(workgroup, wins);
	}

	/** The NetBIOS name servers of the leases, the most recent lease (the last in the file) first. */
	public static List<Inet4Address> dhcpNameServers(String leases) {
		List<List<Inet4Address>> found = new ArrayList<>();
		Matcher m = NAME_SERVERS.matcher(leases);
		while (m.find()) {
			found.add(addresses(m.group(1).split("[\\s,]+"), false));
		}
		Set<Inet4Address> ordered = new LinkedHashSet<>();
		for (int i = found.size() - 1; i >= 0; i--) {
			ordered.addAll(found.get(i));
		}
		return List.copyOf(ordered);
	}

	private static List<Inet4Address> addresses(String[] words, boolean tagged) {
		List<Inet4Address> out = new ArrayList<>();
		for (String w : words) {
			String a = tagged && w.indexOf(':') >= 0 ? w.substring(w.lastIndexOf(':') + 1) : w;
			try {
				Inet4Address ip = BindInterface.parseIpv4(a.strip());
				if (!out.contains(ip)) {
					out.add(ip);
				}
			} catch (IllegalArgumentException e) {
				// a host name or a typo: not an address Herald can use without DNS
			}
		}
		return out;
	}

	private static List<String> joinContinuations(String text) {
		List<String> lines = new ArrayList<>();
		StringBuilder pending = new StringBuilder();
		for (String raw : text.split("\r?\n", -1)) {
			if (raw.endsWith("\\")) {
				pending.append(raw, 0, raw.length() - 1).append(' ');
				continue;
			}
			pending.append(raw);
			lines.add(pending.toString());
			pending.setLength(0);
		}
		if (!pending.isEmpty()) {
			lines.add(pending.toString());
		}
		return lines;
	}
}
