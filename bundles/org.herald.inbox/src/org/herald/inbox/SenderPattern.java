/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.inbox;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Locale;

import org.herald.api.BindInterface;

/**
 * Whom a spam rule is about: a sender name, an IPv4 address, or an IPv4 subnet in CIDR notation.
 *
 * @param kind  what {@code value} is
 * @param value the name (upper case), the dotted-quad address, or the subnet as {@code network/prefix}
 */
public record SenderPattern(Kind kind, String value) {

	public enum Kind {
		NAME, ADDRESS, SUBNET
	}

	/** The longest sender name a rule may name. */
	public static final int MAX_NAME_LENGTH = 255;

	public SenderPattern {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("empty sender pattern");
		}
	}

	/**
	 * Parses {@code a.b.c.d/n} as a subnet (normalised to its network address), {@code a.b.c.d} as an
	 * address, anything else as a sender name (compared without regard to case).
	 */
	public static SenderPattern parse(String text) {
		String s = text.strip();
		if (s.isEmpty()) {
			throw new IllegalArgumentException("empty sender pattern");
		}
		if (s.indexOf('/') >= 0) {
			BindInterface cidr = BindInterface.parse(s);
			int mask = BindInterface.mask(cidr.prefixLength());
			Inet4Address network = BindInterface.fromInt(BindInterface.toInt(cidr.address()) & mask);
			return new SenderPattern(Kind.SUBNET, network.getHostAddress() + "/" + cidr.prefixLength());
		}
		if (s.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'))) {
			return new SenderPattern(Kind.ADDRESS, BindInterface.parseIpv4(s).getHostAddress());
		}
		if (s.length() > MAX_NAME_LENGTH) {
			throw new IllegalArgumentException("sender name longer than " + MAX_NAME_LENGTH + " characters");
		}
		return new SenderPattern(Kind.NAME, s.toUpperCase(Locale.ROOT));
	}

	/** Whether a message from {@code senderName} at {@code senderAddress} matches. */
	public boolean matches(String senderName, InetAddress senderAddress) {
		return switch (kind) {
		case NAME -> senderName != null && senderName.strip().equalsIgnoreCase(value);
		case ADDRESS -> senderAddress instanceof Inet4Address && senderAddress.getHostAddress().equals(value);
		case SUBNET -> BindInterface.parse(value).contains(senderAddress);
		};
	}


	@Override
	public String toString() {
		return value;
	}
}
