/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.netbios.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.herald.api.NetbiosName;
import org.junit.jupiter.api.Test;

class EncodedNameTest {

	private static final HexFormat HEX = HexFormat.of();

	@Test
	void encodesHalfBytesPlusA() {
		// RFC 1001 14.1: "FRED" padded to 16 with spaces, suffix 0x00.
		byte[] wire = EncodedName.encode(new NetbiosName("FRED", 0), "");
		assertEquals(34, wire.length);
		assertEquals(0x20, wire[0]);
		assertEquals("EGFCEFEECACACACACACACACACACACAAA", new String(wire, 1, 32, StandardCharsets.US_ASCII));
		assertEquals(0, wire[33]);
	}

	@Test
	void wildcardIsStarAndNuls() {
		byte[] wire = EncodedName.encode(NetbiosName.WILDCARD, "");
		assertEquals("CKAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", new String(wire, 1, 32, StandardCharsets.US_ASCII));
	}

	@Test
	void roundTripsWithScope() throws MalformedPacketException {
		NetbiosName name = new NetbiosName("HERALD", NetbiosName.MESSENGER);
		byte[] wire = EncodedName.encode(name, "lab.example");
		EncodedName.Read read = EncodedName.read(wire, 0, wire.length);
		assertEquals(new EncodedName(name, "lab.example"), read.name());
		assertEquals(wire.length, read.next());
	}

	@Test
	void roundTripsMsBrowse() throws MalformedPacketException {
		byte[] wire = EncodedName.encode(NetbiosName.MSBROWSE, "");
		assertEquals(NetbiosName.MSBROWSE, EncodedName.read(wire, 0, wire.length).name().name());
	}

	@Test
	void followsBackwardCompressionPointer() throws MalformedPacketException {
		byte[] name = EncodedName.encode(new NetbiosName("SAMBA", 0x20), "");
		byte[] packet = new byte[12 + name.length + 2];
		System.arraycopy(name, 0, packet, 12, name.length);
		packet[12 + name.length] = (byte) 0xC0;
		packet[12 + name.length + 1] = 12;
		EncodedName.Read read = EncodedName.read(packet, 12 + name.length, packet.length);
		assertEquals(new NetbiosName("SAMBA", 0x20), read.name().name());
		assertEquals(packet.length, read.next());
	}

	@Test
	void refusesPointerLoop() {
		byte[] packet = HEX.parseHex("c000");
		assertThrows(MalformedPacketException.class, () -> EncodedName.read(packet, 0, packet.length));
	}

	@Test
	void refusesTruncatedAndOverlongLabels() {
		byte[] name = EncodedName.encode(new NetbiosName("HOST", 0), "");
		assertThrows(MalformedPacketException.class, () -> EncodedName.read(name, 0, 20));
		byte[] bad = name.clone();
		bad[0] = 0x3F;
		assertThrows(MalformedPacketException.class, () -> EncodedName.read(bad, 0, bad.length));
		byte[] reserved = name.clone();
		reserved[0] = (byte) 0x80;
		assertThrows(MalformedPacketException.class, () -> EncodedName.read(reserved, 0, reserved.length));
	}

	@Test
	void refusesLettersOutsideAtoP() {
		byte[] name = EncodedName.encode(new NetbiosName("HOST", 0), "");
		name[5] = 'Z';
		assertThrows(MalformedPacketException.class, () -> EncodedName.read(name, 0, name.length));
	}

	@Test
	void paddedBytesAreNameSpacesSuffix() {
		assertArrayEquals(HEX.parseHex("484f53542020202020202020202020" + "03"),
				EncodedName.paddedBytes(new NetbiosName("host", 3)));
	}
}
