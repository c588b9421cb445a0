/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.netbios.internal;

import java.net.Inet4Address;
import java.util.List;

import org.herald.api.BindInterface;
import org.herald.api.Identity;

/** Which configured interface serves a destination. Herald never sends from anywhere else. */
final class Interfaces {

	private Interfaces() {
	}

	/** The interface whose subnet broadcast address is {@code broadcast}. */
	static BindInterface forBroadcast(Identity identity, Inet4Address broadcast) {
		for (BindInterface i : nonEmpty(identity)) {
			if (i.broadcast().equals(broadcast)) {
				return i;
			}
		}
		throw new IllegalArgumentException(broadcast.getHostAddress() + " is not the broadcast address of a configured interface "
				+ identity.interfaces());
	}

	/** The interface on {@code host}'s subnet, or else the first one (the host is reached by routing). */
	static BindInterface forHost(Identity identity, Inet4Address host) {
		List<BindInterface> all = nonEmpty(identity);
		for (BindInterface i : all) {
			if (i.contains(host)) {
				return i;
			}
		}
		return all.get(0);
	}

	private static List<BindInterface> nonEmpty(Identity identity) {
		if (identity.interfaces().isEmpty()) {
			throw new IllegalStateException("no interfaces configured: Herald binds only to configured interfaces");
		}
		return identity.interfaces();
	}
}
