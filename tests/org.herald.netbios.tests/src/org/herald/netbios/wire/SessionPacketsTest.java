/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.netbios.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.HexFormat;

import org.herald.api.NetbiosName;
import org.junit.jupiter.api.Test;

class SessionPacketsTest {

	private static final HexFormat HEX = HexFormat.of();

	/** Captured: smbclient -M SMBD1 (Samba 4.17) from host CLIENT2, session request to TCP 139. */
	static final String CAPTURED_SESSION_REQUEST = "81000044"
			+ "204644454e4543454544424341434143414341434143414341434143414341414400"
			+ "204544454d454a4546454f4645444343414341434143414341434143414341414100";
	/** Captured: smbd's positive session response. */
	static final String CAPTURED_POSITIVE = "82000000";

	@Test
	void capturedSessionRequestParses() throws Exception {
		byte[] frame = HEX.parseHex(CAPTURED_SESSION_REQUEST);
		SessionHeader header = SessionHeader.parseNetbios(frame, 0);
		assertEquals(SessionHeader.SESSION_REQUEST, header.type());
		assertEquals(68, header.length());
		SessionRequest request = SessionRequest.parseTrailer(Arrays.copyOfRange(frame, 4, frame.length));
		assertEquals(new NetbiosName("SMBD1", 0x03), request.called().name());
		assertEquals(new NetbiosName("CLIENT2", 0x00), request.calling().name());
		assertEquals("", request.called().scope());
	}

	@Test
	void sessionRequestEncodesLikeSmbclient() {
		SessionRequest request = new SessionRequest(new NetbiosName("SMBD1", 0x03), new NetbiosName("CLIENT2", 0x00));
		assertEquals(CAPTURED_SESSION_REQUEST, HEX.formatHex(request.encode()));
	}

	@Test
	void anyServerSessionRequest() {
		byte[] r = SessionRequest.encodeAnyServer(new NetbiosName("CLIENT2", 0));
		String called = "20" + HEX.formatHex("CKFDENECFDEFFCFGEFFCCACACACACACA".getBytes()) + "00";
		String calling = "20" + HEX.formatHex("EDEMEJEFEOFEDCCACACACACACACACAAA".getBytes()) + "00";
		assertEquals("81000044" + called + calling, HEX.formatHex(r));
	}

	@Test
	void responsesAndKeepAlive() {
		assertEquals(CAPTURED_POSITIVE, HEX.formatHex(SessionPackets.positiveResponse()));
		assertEquals("8300000182", HEX.formatHex(SessionPackets.negativeResponse(SessionPackets.CALLED_NAME_NOT_PRESENT)));
		assertEquals("8300000180", HEX.formatHex(SessionPackets.negativeResponse(SessionPackets.NOT_LISTENING_ON_CALLED_NAME)));
		assertEquals("85000000", HEX.formatHex(SessionPackets.keepAlive()));
		assertEquals("called name not present", SessionPackets.describeNegativeResponse(0x82));
	}

	@Test
	void messageFramingOn139And445() {
		byte[] payload = { (byte) 0xFF, 'S', 'M', 'B' };
		assertEquals("00000004ff534d42", HEX.formatHex(SessionPackets.message(payload)));
		assertEquals("00000004ff534d42", HEX.formatHex(SessionPackets.directMessage(payload)));
	}

	@Test
	void lengthExtensionBitAnd24BitDirectLength() throws Exception {
		// RFC 1002 4.3.1: the E flag is the 17th length bit
		SessionHeader h = SessionHeader.parseNetbios(HEX.parseHex("00010002"), 0);
		assertEquals(0x10002, h.length());
		assertArrayEquals(HEX.parseHex("00010002"), h.encodeNetbios());
		SessionHeader d = SessionHeader.parseDirect(HEX.parseHex("00020003"), 0);
		assertEquals(0x020003, d.length());
		assertArrayEquals(HEX.parseHex("00020003"), d.encodeDirect());
		assertThrows(IllegalArgumentException.class, () -> new SessionHeader(0, 0x20000).encodeNetbios());
	}

	@Test
	void malformedHeadersAreRefused() {
		assertThrows(MalformedPacketException.class, () -> SessionHeader.parseNetbios(HEX.parseHex("00020000"), 0));
		assertThrows(MalformedPacketException.class, () -> SessionHeader.parseNetbios(HEX.parseHex("42000000"), 0));
		assertThrows(MalformedPacketException.class, () -> SessionHeader.parseNetbios(HEX.parseHex("000000"), 0));
		assertThrows(MalformedPacketException.class, () -> SessionHeader.parseDirect(HEX.parseHex("ff000010"), 0));
	}

	@Test
	void malformedSessionRequestsAreRefused() {
		byte[] frame = HEX.parseHex(CAPTURED_SESSION_REQUEST);
		byte[] trailer = Arrays.copyOfRange(frame, 4, frame.length);
		assertThrows(MalformedPacketException.class, () -> SessionRequest.parseTrailer(Arrays.copyOf(trailer, 40)));
		assertThrows(MalformedPacketException.class, () -> SessionRequest.parseTrailer(Arrays.copyOf(trailer, trailer.length + 1)));
		byte[] pointer = Arrays.copyOf(trailer, 36);
		pointer[34] = (byte) 0xC0;
		pointer[35] = 0;
		assertThrows(MalformedPacketException.class, () -> SessionRequest.parseTrailer(pointer));
		assertThrows(MalformedPacketException.class, () -> SessionRequest.parseTrailer(new byte[0]));
	}
}
