/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.herald.netbios.wire.MalformedPacketException;
import org.herald.netbios.wire.NbnsCodec;
import org.herald.netbios.wire.NbnsPacket;
import org.herald.netbios.wire.NbnsResourceRecord;
import org.herald.netbios.wire.NodeStatusData;

import com.code_intelligence.jazzer.junit.FuzzTest;

/** NBNS (UDP 137): {@link NbnsCodec#decode}, names with compression pointers, NB, NBSTAT and WACK RDATA. */
class NbnsFuzzTest {

	@FuzzTest
	void decode(byte[] packet) throws MalformedPacketException {
		NbnsPacket p;
		try {
			p = NbnsCodec.decode(packet);
		} catch (MalformedPacketException e) {
			return;
		}
		for (NbnsResourceRecord rr : p.answers()) {
			if (rr.data() instanceof NodeStatusData ns) {
				ns.unitIdText();
				ns.names().forEach(e -> e.netbiosName());
			}
		}
		// What was read can be written (responders answer with the question's name) and reads back the same.
		assertEquals(p, NbnsCodec.decode(NbnsCodec.encode(p)));
		byte[] shifted = new byte[packet.length + 3];
		System.arraycopy(packet, 0, shifted, 3, packet.length);
		assertEquals(p, NbnsCodec.decode(shifted, 3, packet.length));
	}
}
