/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.netbios;

import java.net.Inet4Address;

/** Where a name query goes (RFC 1001 section 15: B-node broadcast, or a point-to-point question). */
public sealed interface QueryTarget {

	Inet4Address address();

	/** Broadcast to a subnet's broadcast address, from the configured interface on that subnet. */
	record Broadcast(Inet4Address address) implements QueryTarget {
	}

	/** Ask one host directly, as {@code nmblookup -U IP} does; the host answers for its own names. */
	record Host(Inet4Address address) implements QueryTarget {
	}

	/** Ask a WINS server (NBNS), with recursion desired so that it consults its database. */
	record Wins(Inet4Address address) implements QueryTarget {
	}
}
