/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger;

import java.net.Inet4Address;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.herald.api.BindInterface;
import org.herald.api.NetbiosName;

/** Whom a message is for: a NetBIOS name, an IP address, a range of addresses, or a workgroup. */
public sealed interface Recipient {

	/** The most addresses one range may expand to (a /16). */
	int MAX_RANGE = 65536;

	/** How a workgroup is written as a target: {@code /DOMAIN:LAB}, as NET SEND took it. */
	String DOMAIN = "/DOMAIN:";

	/** What the user typed, for the result line. */
	String label();

	/** A host by its messenger name, NAME&lt;03&gt; unless another suffix was given. */
	record Name(NetbiosName name) implements Recipient {
		@Override
		public String label() {
			return name.toString();
		}
	}

	/** A host by address. */
	record Address(Inet4Address address) implements Recipient {
		@Override
		public String label() {
			return address.getHostAddress();
		}
	}

	/** Every address from {@code first} to {@code last}, inclusive. */
	record Range(Inet4Address first, Inet4Address last, String label) implements Recipient {
		public Range {
			long size = toLong(last) - toLong(first) + 1;
			if (size < 1) {
				throw new IllegalArgumentException("range " + label + " ends before it starts");
			}
			if (size > MAX_RANGE) {
				throw new IllegalArgumentException("range " + label + " has " + size + " addresses; at most " + MAX_RANGE);
			}
		}

		public List<Inet4Address> addresses() {
			List<Inet4Address> list = new ArrayList<>();
			for (long a = toLong(first); a <= toLong(last); a++) {
				list.add(fromLong(a));
			}
			return list;
		}
	}

	/** Every Herald/Messenger host of a workgroup: a mailslot datagram to WG&lt;03&gt; on each subnet (NET SEND /DOMAIN). */
	record Workgroup(String workgroup) implements Recipient {
		public Workgroup {
			workgroup = workgroup.toUpperCase(Locale.ROOT);
			String problem = NetbiosName.problemWith(workgroup);
			if (problem != null) {
				throw new IllegalArgumentException(problem);
			}
		}

		@Override
		public String label() {
			return workgroup + " (workgroup)";
		}
	}

	/**
	 * Parses a target: {@code 198.51.100.7}, {@code 198.51.100.10-20}, {@code 198.51.100.10-198.51.100.20},
	 * {@code 198.51.100.0/24} (host addresses only), a workgroup as NET SEND wrote it ({@code /DOMAIN:LAB}), or a
	 * NetBIOS name ({@code BOB}, {@code BOB#03}, {@code BOB<03>}). A recipient list ({@code @ADMINS}) is not a target
	 * of its own: {@link RecipientLists#expand} reads those.
	 */
	static Recipient parse(String text) {
		String s = text.strip();
		if (s.isEmpty()) {
			throw new IllegalArgumentException("empty target");
		}
		if (s.regionMatches(true, 0, DOMAIN, 0, DOMAIN.length())) {
			return new Workgroup(s.substring(DOMAIN.length()));
		}
		if (s.startsWith(RecipientLists.PREFIX)) {
			throw new IllegalArgumentException(s + " is a recipient list, which only herald send and the composer expand");
		}
		if (looksNumeric(s)) {
			int slash = s.indexOf('/');
			if (slash >= 0) {
				BindInterface net = BindInterface.parse(s);
				long mask = BindInterface.mask(net.prefixLength()) & 0xFFFFFFFFL;
				long base = toLong(net.address()) & mask;
				long top = base | (~mask & 0xFFFFFFFFL);
				if (net.prefixLength() < 31) {
					base++; // the network address
					top--; // the broadcast address
				}
				return new Range(fromLong(base), fromLong(top), s);
			}
			int dash = s.indexOf('-');
			if (dash >= 0) {
				Inet4Address first = BindInterface.parseIpv4(s.substring(0, dash));
				String end = s.substring(dash + 1);
				Inet4Address last;
				if (end.indexOf('.') < 0) {
					String start = s.substring(0, dash);
					last = BindInterface.parseIpv4(start.substring(0, start.lastIndexOf('.') + 1) + end);
				} else {
					last = BindInterface.parseIpv4(end);
				}
				return new Range(first, last, s);
			}
			return new Address(BindInterface.parseIpv4(s));
		}
		NetbiosName name = NetbiosName.parse(s, NetbiosName.MESSENGER);
		String problem = NetbiosName.problemWith(name.name());
		if (problem != null) {
			throw new IllegalArgumentException(problem);
		}
		return new Name(name);
	}

	private static boolean looksNumeric(String s) {
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (!(c >= '0' && c <= '9' || c == '.' || c == '-' || c == '/')) {
				return false;
			}
		}
		return s.indexOf('.') > 0;
	}


	private static long toLong(Inet4Address a) {
		return BindInterface.toInt(a) & 0xFFFF_FFFFL;
	}

	private static Inet4Address fromLong(long v) {
		return BindInterface.fromInt((int) v);
	}
}
