/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.browser;

import java.net.Inet4Address;

import org.herald.api.BindInterface;
import org.herald.api.Identity;

/** Which subnet a host is on, as far as we can tell from here: `browse --site` and the Network view say it the same way. */
public final class Subnets {

	private Subnets() {
	}

	/**
	 * The subnet of {@code a}: the configured interface's when on-link ({@code 198.51.100.0/24 (on-link)}),
	 * else its classful network (RFC 791: {@code 203.0.113.0/24 (routed, classful)}), since a routed
	 * host's prefix is not visible from here.
	 */
	public static String of(Identity identity, Inet4Address a) {
		for (BindInterface i : identity.interfaces()) {
			if (i.contains(a)) {
				return network(a, i.prefixLength()) + " (on-link)";
			}
		}
		int first = a.getAddress()[0] & 0xFF;
		int prefix = first < 128 ? 8 : first < 192 ? 16 : 24;
		return network(a, prefix) + " (routed, classful)";
	}

	private static String network(Inet4Address a, int prefix) {
		return BindInterface.fromInt(BindInterface.toInt(a) & BindInterface.mask(prefix)).getHostAddress() + "/" + prefix;
	}
}
