/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.netbios;

import java.net.Inet4Address;

import org.herald.api.NetbiosName;
import org.herald.netbios.wire.NodeType;

/**
 * One address a name query found.
 *
 * @param name       the name asked for
 * @param address    the address the name maps to
 * @param group      whether it is a group name
 * @param nodeType   the owner's node type
 * @param ttlSeconds the time to live the answer gave
 * @param answeredBy who answered (the owner itself, or a WINS server)
 */
public record NameRecord(NetbiosName name, Inet4Address address, boolean group, NodeType nodeType, long ttlSeconds,
		Inet4Address answeredBy) {

	/** nmblookup's form: {@code 198.51.100.2 HERALD<00>}. */
	@Override
	public String toString() {
		return address.getHostAddress() + " " + name;
	}
}
