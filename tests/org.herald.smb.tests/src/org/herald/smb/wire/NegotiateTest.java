/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.smb.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import org.herald.netbios.wire.MalformedPacketException;
import org.junit.jupiter.api.Test;
import org.herald.smb.wire.Le;
import org.herald.smb.wire.NegotiateRequest;
import org.herald.smb.wire.NegotiateResponse;
import org.herald.smb.wire.SmbCommand;
import org.herald.smb.wire.SmbHeader;
import org.herald.smb.wire.SmbPacket;

class NegotiateTest {

	private static final HexFormat HEX = HexFormat.of();

	@Test
	void requestByteExact() throws Exception {
		NegotiateRequest r = new NegotiateRequest(List.of("PC NETWORK PROGRAM 1.0", "NT LM 0.12"));
		byte[] wire = r.toPacket(SmbHeader.request(SmbCommand.NEGOTIATE, 0)).encode();
		String bytes = "02" + HEX.formatHex("PC NETWORK PROGRAM 1.0".getBytes()) + "00" + "02" + HEX.formatHex("NT LM 0.12".getBytes()) + "00";
		assertEquals("00" + String.format("%02x00", bytes.length() / 2) + bytes, HEX.formatHex(wire).substring(64));
		NegotiateRequest back = NegotiateRequest.parse(SmbPacket.parse(wire));
		assertEquals(r, back);
		assertEquals(1, back.indexOfNtLm012());
	}

	@Test
	void ntLm012ResponseFields() throws Exception {
		SmbHeader req = SmbHeader.request(SmbCommand.NEGOTIATE, 3);
		byte[] challenge = HEX.parseHex("0102030405060708");
		Instant t = Instant.parse("2026-01-01T00:00:00Z");
		SmbPacket reply = NegotiateResponse.ntLm012(req, 1, challenge, t, "WG");
		SmbPacket p = SmbPacket.parse(reply.encode());
		assertEquals(17, p.wordCount());
		assertEquals(1, p.word(0));
		String words = HEX.formatHex(p.words());
		assertEquals("0100" + "03" + "3200" + "0100" + "04410000" + "00000100" + "00000000" + "50000000", words.substring(0, 46));
		// FILETIME of 2026-01-01: (1767225600 + 11644473600) * 10^7
		long ft = (1767225600L + 11644473600L) * 10_000_000L;
		assertEquals(ft, Le.i64(p.words(), 23));
		assertEquals(8, p.words()[33]);
		assertEquals("0102030405060708" + "574700", HEX.formatHex(p.bytes()));
		assertEquals(1, NegotiateResponse.parse(p).dialectIndex());
		assertEquals(3, p.header().mid());
	}

	@Test
	void noCommonDialect() throws Exception {
		SmbPacket reply = NegotiateResponse.noDialect(SmbHeader.request(SmbCommand.NEGOTIATE, 0));
		assertEquals(NegotiateResponse.NO_DIALECT, NegotiateResponse.parse(SmbPacket.parse(reply.encode())).dialectIndex());
		assertEquals(-1, new NegotiateRequest(List.of("SMB 2.002")).indexOfNtLm012());
	}

	@Test
	void malformedRequests() {
		SmbHeader h = SmbHeader.request(SmbCommand.NEGOTIATE, 0);
		assertThrows(MalformedPacketException.class, () -> NegotiateRequest.parse(new SmbPacket(h, new byte[0], HEX.parseHex("024e54"))));
		assertThrows(MalformedPacketException.class, () -> NegotiateRequest.parse(new SmbPacket(h, new byte[0], HEX.parseHex("044e5400"))));
		assertThrows(MalformedPacketException.class, () -> NegotiateRequest.parse(new SmbPacket(h, new byte[2], new byte[0])));
	}
}
