/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Locale;

import org.herald.api.BindInterface;
import org.herald.api.NetbiosName;

/**
 * What a code page rule applies to: a host by its NetBIOS name, an IPv4 address or network (an
 * address is a /32), or a workgroup.
 */
public sealed interface CodePageMatch {

	/** The kind as the CLI and the preference page name it, and as it is stored. */
	String kind();

	/** The match as the user writes it: {@code BOB}, {@code 198.51.100.7}, {@code 198.51.100.0/24}, {@code LAB}. */
	String text();

	/** A host by its NetBIOS name (without suffix), upper-cased. */
	record Host(String name) implements CodePageMatch {
		public Host {
			name = checkedName(name, "host name");
		}

		@Override
		public String kind() {
			return "host";
		}

		@Override
		public String text() {
			return name;
		}
	}

	/** Every address of {@code network}/{@code prefixLength}; the host bits of {@code network} are zero. */
	record Network(Inet4Address network, int prefixLength) implements CodePageMatch {
		public Network {
			if (prefixLength < 0 || prefixLength > 32) {
				throw new IllegalArgumentException("prefix length out of range 0-32: " + prefixLength);
			}
			int bits = BindInterface.toInt(network);
			if ((bits & ~BindInterface.mask(prefixLength)) != 0) {
				throw new IllegalArgumentException(network.getHostAddress() + "/" + prefixLength + " has host bits set; the network is "
						+ BindInterface.fromInt(bits & BindInterface.mask(prefixLength)).getHostAddress() + "/" + prefixLength);
			}
		}

		/** One address. */
		public static Network of(Inet4Address address) {
			return new Network(address, 32);
		}

		public boolean contains(InetAddress address) {
			return address instanceof Inet4Address a && (BindInterface.toInt(a) & BindInterface.mask(prefixLength)) == BindInterface.toInt(network);
		}

		/** Whether any address of the range from {@code first} to {@code last} is in this network. */
		public boolean overlaps(Inet4Address first, Inet4Address last) {
			long lo = BindInterface.toInt(network) & 0xFFFFFFFFL;
			long hi = lo | (~BindInterface.mask(prefixLength) & 0xFFFFFFFFL);
			return (BindInterface.toInt(first) & 0xFFFFFFFFL) <= hi && (BindInterface.toInt(last) & 0xFFFFFFFFL) >= lo;
		}

		@Override
		public String kind() {
			return "address";
		}

		@Override
		public String text() {
			return prefixLength == 32 ? network.getHostAddress() : network.getHostAddress() + "/" + prefixLength;
		}
	}

	/** The hosts of a workgroup (as a mailslot write to its group name or the host's node status says). */
	record Workgroup(String name) implements CodePageMatch {
		public Workgroup {
			name = checkedName(name, "workgroup");
		}

		@Override
		public String kind() {
			return "workgroup";
		}

		@Override
		public String text() {
			return name;
		}
	}

	/**
	 * Parses what a user writes: an IPv4 address, {@code IP/PREFIX}, {@code workgroup:WG} (also
	 * {@code /DOMAIN:WG}, as NET SEND wrote it), {@code host:NAME} or a bare NetBIOS name.
	 *
	 * @throws IllegalArgumentException with a message saying what is wrong
	 */
	static CodePageMatch parse(String text) {
		String s = text.strip();
		if (s.isEmpty()) {
			throw new IllegalArgumentException("empty match: give a host name, an address, a network (IP/PREFIX) or workgroup:WG");
		}
		String lower = s.toLowerCase(Locale.ROOT);
		for (String prefix : new String[] { "workgroup:", "/domain:", "domain:" }) {
			if (lower.startsWith(prefix)) {
				return new Workgroup(s.substring(prefix.length()));
			}
		}
		if (lower.startsWith("host:")) {
			return new Host(s.substring("host:".length()));
		}
		if (lower.startsWith("address:")) {
			return network(s.substring("address:".length()));
		}
		if (looksNumeric(s)) {
			return network(s);
		}
		return new Host(s);
	}

	/** Parses one of the kinds by name ({@link #kind()}) and its text, as stored or as the preference page's fields give them. */
	static CodePageMatch of(String kind, String text) {
		return switch (kind.strip().toLowerCase(Locale.ROOT)) {
		case "host" -> new Host(text.strip());
		case "address", "network" -> network(text.strip());
		case "workgroup", "domain" -> new Workgroup(text.strip());
		default -> throw new IllegalArgumentException("unknown kind of match '" + kind + "': host, address or workgroup");
		};
	}

	private static Network network(String s) {
		int slash = s.indexOf('/');
		if (slash < 0) {
			return Network.of(BindInterface.parseIpv4(s.strip()));
		}
		Inet4Address ip = BindInterface.parseIpv4(s.substring(0, slash).strip());
		String p = s.substring(slash + 1).strip();
		int prefix;
		try {
			prefix = p.length() <= 2 ? Integer.parseInt(p) : -1;
		} catch (NumberFormatException e) {
			prefix = -1;
		}
		if (prefix < 0 || prefix > 32) {
			throw new IllegalArgumentException("bad prefix length in '" + s + "': a number from 0 to 32");
		}
		return new Network(ip, prefix);
	}

	private static String checkedName(String name, String what) {
		String upper = NetbiosName.upperAscii(name.strip());
		if (upper.indexOf('#') >= 0 || upper.indexOf('<') >= 0) {
			throw new IllegalArgumentException("give the " + what + " without a suffix: '" + name + "'");
		}
		String problem = NetbiosName.problemWith(upper);
		if (problem != null) {
			throw new IllegalArgumentException(what + ": " + problem);
		}
		return upper;
	}

	private static boolean looksNumeric(String s) {
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (!(c >= '0' && c <= '9' || c == '.' || c == '/')) {
				return false;
			}
		}
		return s.indexOf('.') >= 0;
	}

}
