/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.browser;

import java.net.Inet4Address;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

import org.herald.netbios.wire.NodeStatusEntry;

/**
 * A host that answered a node status query during a scan.
 *
 * @param address the host (the answer's source)
 * @param names   its name table
 * @param unitId  its UNIT_ID (MAC address; zeros from Samba)
 * @param rtt     from the last query sent to it to its answer
 */
public record ScanHit(Inet4Address address, List<NodeStatusEntry> names, byte[] unitId, Duration rtt) {

	public ScanHit {
		names = List.copyOf(names);
		unitId = unitId.clone();
	}

	@Override
	public byte[] unitId() {
		return unitId.clone();
	}

	/** The MAC address as nbtscan prints it: {@code 00:11:22:33:44:55}. */
	public String mac() {
		return HexFormat.ofDelimiter(":").formatHex(unitId);
	}

	public HostNames hostNames() {
		return HostNames.of(names);
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof ScanHit h && address.equals(h.address) && names.equals(h.names) && java.util.Arrays.equals(unitId, h.unitId);
	}

	@Override
	public int hashCode() {
		return address.hashCode();
	}

	@Override
	public String toString() {
		return "ScanHit[" + address.getHostAddress() + ", " + names.size() + " names, " + mac() + "]";
	}
}
