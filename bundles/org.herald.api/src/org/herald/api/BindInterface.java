/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.api;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * One interface Herald binds to, as in Samba's {@code interfaces = IP/PREFIX}: the local address
 * and the prefix length of its subnet, from which the subnet broadcast address follows.
 */
public record BindInterface(Inet4Address address, int prefixLength) {

	public BindInterface {
		if (prefixLength < 0 || prefixLength > 32) {
			throw new IllegalArgumentException("prefix length out of range 0-32: " + prefixLength);
		}
	}

	/** Parses {@code IP/PREFIX} ; a bare IP is refused, since the subnet decides the broadcast address. */
	public static BindInterface parse(String text) {
		int slash = text.indexOf('/');
		if (slash < 0) {
			throw new IllegalArgumentException("interface '" + text + "' needs a prefix length, as in 127.0.0.2/8");
		}
		Inet4Address ip = parseIpv4(text.substring(0, slash).strip());
		int prefix;
		try {
			prefix = Integer.parseInt(text.substring(slash + 1).strip());
		} catch (NumberFormatException e) {
			throw new IllegalArgumentException("bad prefix length in interface '" + text + "'");
		}
		return new BindInterface(ip, prefix);
	}

	/** Parses a dotted-quad IPv4 address without ever asking DNS. */
	public static Inet4Address parseIpv4(String text) {
		String[] parts = text.split("\\.", -1);
		if (parts.length != 4) {
			throw new IllegalArgumentException("not an IPv4 address: '" + text + "'");
		}
		byte[] b = new byte[4];
		for (int i = 0; i < 4; i++) {
			int v;
			try {
				v = Integer.parseInt(parts[i]);
			} catch (NumberFormatException e) {
				v = -1;
			}
			if (v < 0 || v > 255 || parts[i].length() > 3) {
				throw new IllegalArgumentException("not an IPv4 address: '" + text + "'");
			}
			b[i] = (byte) v;
		}
		try {
			return (Inet4Address) InetAddress.getByAddress(b);
		} catch (UnknownHostException e) {
			throw new IllegalStateException(e); // cannot happen for 4 bytes
		}
	}

	private int mask() {
		return mask(prefixLength);
	}

	/** The network mask of a prefix length (0 to 32) as a 32-bit number, e.g. 0xFFFFFF00 for 24. */
	public static int mask(int prefixLength) {
		return prefixLength == 0 ? 0 : -1 << (32 - prefixLength);
	}

	/** The address as a 32-bit number, most significant byte first (compare unsigned). */
	public static int toInt(Inet4Address a) {
		byte[] b = a.getAddress();
		return (b[0] & 0xFF) << 24 | (b[1] & 0xFF) << 16 | (b[2] & 0xFF) << 8 | (b[3] & 0xFF);
	}

	/** The address whose 32-bit number is {@code v}. */
	public static Inet4Address fromInt(int v) {
		try {
			return (Inet4Address) InetAddress.getByAddress(new byte[] { (byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v });
		} catch (UnknownHostException e) {
			throw new IllegalStateException(e);
		}
	}

	/** The subnet's broadcast address (all host bits set). */
	public Inet4Address broadcast() {
		return fromInt(toInt(address) | ~mask());
	}

	/** Whether {@code other} is on this interface's subnet. */
	public boolean contains(InetAddress other) {
		return other instanceof Inet4Address a && (toInt(a) & mask()) == (toInt(address) & mask());
	}

	@Override
	public String toString() {
		return address.getHostAddress() + "/" + prefixLength;
	}
}
