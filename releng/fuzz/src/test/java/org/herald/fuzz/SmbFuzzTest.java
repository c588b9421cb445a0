/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.herald.netbios.wire.MalformedPacketException;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.herald.smb.wire.EndMultiBlock;
import org.herald.smb.wire.NegotiateRequest;
import org.herald.smb.wire.NegotiateResponse;
import org.herald.smb.wire.SendMessage;
import org.herald.smb.wire.SmbPacket;
import org.herald.smb.wire.StartMultiBlock;
import org.herald.smb.wire.TextBlock;

/**
 * SMB1 on the session service: {@link SmbPacket#parse} (header, words, bytes), then every message
 * command and negotiate decoder on the packet (each refuses the commands that are not its own).
 */
class SmbFuzzTest {

	@FuzzTest
	void message(byte[] smb) throws MalformedPacketException {
		SmbPacket p;
		try {
			p = SmbPacket.parse(smb);
		} catch (MalformedPacketException e) {
			return;
		}
		p.toString();
		assertEquals(p, SmbPacket.parse(p.encode()));
		StartMultiBlock.groupIdOf(p);
		try {
			SendMessage m = SendMessage.parse(p);
			SendMessage again = SendMessage.parse(SmbPacket.parse(m.toPacket(p.header()).encode()));
			assertArrayEquals(m.originator(), again.originator());
			assertArrayEquals(m.destination(), again.destination());
			assertArrayEquals(m.text(), again.text());
		} catch (MalformedPacketException e) {
			// not this command, or refused
		}
		try {
			StartMultiBlock s = StartMultiBlock.parse(p);
			StartMultiBlock again = StartMultiBlock.parse(SmbPacket.parse(s.toPacket(p.header()).encode()));
			assertArrayEquals(s.originator(), again.originator());
			assertArrayEquals(s.destination(), again.destination());
		} catch (MalformedPacketException e) {
			// not this command, or refused
		}
		try {
			TextBlock t = TextBlock.parse(p);
			TextBlock again = TextBlock.parse(SmbPacket.parse(t.toPacket(p.header()).encode()));
			assertEquals(t.groupId(), again.groupId());
			assertArrayEquals(t.text(), again.text());
		} catch (MalformedPacketException e) {
			// not this command, or refused
		}
		try {
			EndMultiBlock end = EndMultiBlock.parse(p);
			assertEquals(end, EndMultiBlock.parse(SmbPacket.parse(end.toPacket(p.header()).encode())));
		} catch (MalformedPacketException e) {
			// not this command, or refused
		}
		try {
			NegotiateRequest n = NegotiateRequest.parse(p);
			n.indexOfNtLm012();
			assertEquals(n, NegotiateRequest.parse(SmbPacket.parse(n.toPacket(p.header()).encode())));
		} catch (MalformedPacketException e) {
			// not this command, or refused
		}
		try {
			NegotiateResponse.parse(p);
		} catch (MalformedPacketException e) {
			// not this command, or refused
		}
	}
}
