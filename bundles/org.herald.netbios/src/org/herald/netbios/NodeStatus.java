/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.netbios;

import java.net.Inet4Address;
import java.util.HexFormat;
import java.util.List;

import org.herald.netbios.wire.NodeStatusEntry;

/**
 * What a node reported about itself in a node status response (RFC 1002 section 4.2.18).
 *
 * @param address the node asked
 * @param names   the names in its table, with their flags
 * @param unitId  its UNIT_ID (MAC address, zeros from Samba), 6 bytes
 */
public record NodeStatus(Inet4Address address, List<NodeStatusEntry> names, byte[] unitId) {

	public NodeStatus {
		names = List.copyOf(names);
		unitId = unitId.clone();
	}

	@Override
	public byte[] unitId() {
		return unitId.clone();
	}

	/** The unit id as nmblookup prints it, {@code 00-00-00-00-00-00}. */
	public String macAddress() {
		return HexFormat.ofDelimiter("-").withUpperCase().formatHex(unitId);
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof NodeStatus s && address.equals(s.address) && names.equals(s.names)
				&& java.util.Arrays.equals(unitId, s.unitId);
	}

	@Override
	public int hashCode() {
		return address.hashCode() * 31 + names.hashCode();
	}

	@Override
	public String toString() {
		return "NodeStatus[" + address.getHostAddress() + ", " + names + ", " + macAddress() + "]";
	}
}
