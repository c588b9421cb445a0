/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;

import org.herald.netbios.wire.MalformedPacketException;
import org.herald.netbios.wire.SessionHeader;
import org.herald.netbios.wire.SessionRequest;

import com.code_intelligence.jazzer.junit.FuzzTest;

/** NBSS (TCP 139, 445): the 4-byte session and direct-hosting headers and the session request trailer. */
class NbssFuzzTest {

	@FuzzTest
	void session(byte[] packet) throws MalformedPacketException {
		int at = packet.length > 0 ? packet[0] & 0x07 : 0;
		try {
			SessionHeader h = SessionHeader.parseNetbios(packet, at);
			assertEquals(h, SessionHeader.parseNetbios(h.encodeNetbios(), 0));
		} catch (MalformedPacketException e) {
			// refused
		}
		try {
			SessionHeader h = SessionHeader.parseDirect(packet, at);
			assertEquals(h, SessionHeader.parseDirect(h.encodeDirect(), 0));
		} catch (MalformedPacketException e) {
			// refused
		}
		// A session request as the receiver reads it: the trailer after a 4-byte header of type 0x81.
		byte[] trailer = packet.length >= SessionHeader.LENGTH ? Arrays.copyOfRange(packet, SessionHeader.LENGTH, packet.length) : packet;
		SessionRequest r;
		try {
			r = SessionRequest.parseTrailer(trailer);
		} catch (MalformedPacketException e) {
			return;
		}
		byte[] again = r.encode();
		assertEquals(r, SessionRequest.parseTrailer(Arrays.copyOfRange(again, SessionHeader.LENGTH, again.length)));
	}
}
