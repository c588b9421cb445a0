/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.browser;

import java.net.Inet4Address;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.herald.api.BindInterface;

/**
 * Address targets as users write them, never resolved through DNS: {@code 198.51.100.7},
 * {@code 198.51.100.0/24} (without its network and broadcast addresses when the prefix is 30 or
 * shorter, as nbtscan skips them), {@code 198.51.100.10-20} and {@code 198.51.100.10-198.51.101.20}.
 */
public final class Targets {

	/** The most addresses one target list may hold (a /12). */
	public static final int MAX_ADDRESSES = 1 << 20;

	private Targets() {
	}

	/** The addresses of all {@code specs}, in order, each once. */
	public static List<Inet4Address> parse(List<String> specs) {
		Set<Integer> seen = new LinkedHashSet<>();
		for (String spec : specs) {
			for (String part : spec.split(",")) {
				if (!part.isBlank()) {
					add(part.strip(), seen);
				}
			}
		}
		List<Inet4Address> out = new ArrayList<>(seen.size());
		seen.forEach(v -> out.add(BindInterface.fromInt(v)));
		return out;
	}

	private static void add(String spec, Set<Integer> out) {
		long first;
		long last;
		int slash = spec.indexOf('/');
		int dash = spec.indexOf('-');
		if (slash >= 0) {
			long base = toLong(BindInterface.parseIpv4(spec.substring(0, slash)));
			int prefix;
			try {
				prefix = Integer.parseInt(spec.substring(slash + 1));
			} catch (NumberFormatException e) {
				prefix = -1;
			}
			if (prefix < 0 || prefix > 32) {
				throw new IllegalArgumentException("bad prefix length in '" + spec + "'");
			}
			long size = 1L << (32 - prefix);
			first = base & ~(size - 1) & 0xFFFF_FFFFL;
			last = first + size - 1;
			if (prefix <= 30) {
				first++;
				last--;
			}
		} else if (dash >= 0) {
			first = toLong(BindInterface.parseIpv4(spec.substring(0, dash)));
			String end = spec.substring(dash + 1);
			if (end.contains(".")) {
				last = toLong(BindInterface.parseIpv4(end));
			} else {
				int octet;
				try {
					octet = Integer.parseInt(end);
				} catch (NumberFormatException e) {
					octet = -1;
				}
				if (octet < 0 || octet > 255) {
					throw new IllegalArgumentException("bad range end in '" + spec + "'");
				}
				last = (first & 0xFFFF_FF00L) | octet;
			}
			if (last < first) {
				throw new IllegalArgumentException("range '" + spec + "' ends before it starts");
			}
		} else {
			first = last = toLong(BindInterface.parseIpv4(spec));
		}
		if (last - first + 1 + out.size() > MAX_ADDRESSES) {
			throw new IllegalArgumentException("more than " + MAX_ADDRESSES + " addresses");
		}
		for (long v = first; v <= last; v++) {
			out.add((int) v);
		}
	}

	/** The address as an unsigned number, for sorting. */
	public static long key(Inet4Address a) {
		return toLong(a);
	}

	static long toLong(Inet4Address a) {
		return BindInterface.toInt(a) & 0xFFFF_FFFFL;
	}

}
