/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.netbios.wire;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * RDATA of a node status response (RFC 1002 section 4.2.18): NUM_NAMES, the name entries, then
 * STATISTICS, which begins with the 6-byte UNIT_ID (a MAC address; Samba sends zeros). The
 * statistics are kept as bytes: implementations send them with different lengths.
 */
public record NodeStatusData(List<NodeStatusEntry> names, byte[] statistics) implements RData {

	/** The RFC's STATISTICS block: UNIT_ID, jumpers, test result, version and 17 counters. */
	public static final int STATISTICS_LENGTH = 46;
	public static final int UNIT_ID_LENGTH = 6;
	/** NUM_NAMES is one byte. */
	public static final int MAX_NAMES = 255;

	public NodeStatusData {
		names = List.copyOf(names);
		if (names.size() > MAX_NAMES) {
			throw new IllegalArgumentException("more than 255 names");
		}
		statistics = statistics.clone();
	}

	/** Names with an RFC-sized statistics block that holds {@code unitId} and zero counters. */
	public static NodeStatusData of(List<NodeStatusEntry> names, byte[] unitId) {
		if (unitId.length != UNIT_ID_LENGTH) {
			throw new IllegalArgumentException("a unit id has 6 bytes");
		}
		byte[] stats = new byte[STATISTICS_LENGTH];
		System.arraycopy(unitId, 0, stats, 0, UNIT_ID_LENGTH);
		return new NodeStatusData(names, stats);
	}

	@Override
	public byte[] statistics() {
		return statistics.clone();
	}

	/** UNIT_ID, the first 6 bytes of the statistics (zeros where the sender sent fewer). */
	public byte[] unitId() {
		return Arrays.copyOf(statistics, UNIT_ID_LENGTH);
	}

	/** The unit id as nmblookup prints it: {@code 00-00-00-00-00-00}. */
	public String unitIdText() {
		return HexFormat.ofDelimiter("-").withUpperCase().formatHex(unitId());
	}

	@Override
	public int length() {
		return 1 + names.size() * NodeStatusEntry.LENGTH + statistics.length;
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof NodeStatusData d && names.equals(d.names) && Arrays.equals(statistics, d.statistics);
	}

	@Override
	public int hashCode() {
		return names.hashCode() * 31 + Arrays.hashCode(statistics);
	}

	@Override
	public String toString() {
		return "NodeStatusData[names=" + names + ", unitId=" + unitIdText() + ", statistics=" + statistics.length + " bytes]";
	}
}
