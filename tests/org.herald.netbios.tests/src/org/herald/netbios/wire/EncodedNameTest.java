/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.netbios.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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
	void wildcardKeepsItsSuffix() throws MalformedPacketException {
		// *<1B> as Samba's nmblookup sends it to a WINS server: '*', 14 NULs, then 0x1B (encoded "BL")
		NetbiosName name = new NetbiosName("*", NetbiosName.DOMAIN_MASTER_BROWSER);
		byte[] wire = EncodedName.encode(name, "");
		assertEquals("CKAAAAAAAAAAAAAAAAAAAAAAAAAAAABL", new String(wire, 1, 32, StandardCharsets.US_ASCII));
		assertEquals(name, EncodedName.read(wire, 0, wire.length).name().name());
	}

	@Test
	void roundTripsWithScope() throws MalformedPacketException {
		NetbiosName name = new NetbiosName("HERALD", NetbiosName.MESSENGER);
		byte[] wire = EncodedName.encode(name, "lab.example");
		EncodedName.Read read = EncodedName.read(wire, 0, wire.length);
		assertEquals(new EncodedName(name, "lab.example"), read.name());
		assertEquals(wire.length, read.next());
	}

	/**
	 * Found by fuzzing (releng/fuzz NbnsFuzzTest): scope labels with bytes that are no printable
	 * ASCII, or with a dot inside, read as a scope that encodes to other bytes (or not at all).
	 */
	@Test
	void scopeLabelsOfNoDomainNameCharactersAreMalformed() {
		byte[] plain = EncodedName.encode(new NetbiosName("HERALD", 0), "");
		for (byte[] label : new byte[][] { { 'a', (byte) 0xE9 }, { 'a', 0x08 }, { 'a', '.', 'b' }, { '.' }, { 'a', ' ', 'b' } }) {
			byte[] wire = Arrays.copyOf(plain, plain.length + 1 + label.length);
			wire[plain.length - 1] = (byte) label.length;
			System.arraycopy(label, 0, wire, plain.length, label.length);
			wire[wire.length - 1] = 0;
			MalformedPacketException e = assertThrows(MalformedPacketException.class, () -> EncodedName.read(wire, 0, wire.length));
			assertTrue(e.getMessage().contains("scope label"), e.getMessage());
		}
	}

	/**
	 * Seen while fixing the scope finding above: the reader let a name of 256 bytes (with its
	 * terminating zero) through, which encode() then refused with an IllegalArgumentException.
	 */
	@Test
	void nameOfMoreThan255BytesWithItsTerminatorIsMalformed() throws MalformedPacketException {
		NetbiosName name = new NetbiosName("HERALD", 0);
		// The name label (33 bytes) and scope labels of 64, 64, 64 and 29 bytes: 254, and the terminator.
		String longest = "a".repeat(63) + "." + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(28);
		byte[] wire = EncodedName.encode(name, longest);
		assertEquals(255, wire.length);
		assertEquals(longest, EncodedName.read(wire, 0, wire.length).name().scope());
		byte[] over = Arrays.copyOf(wire, 256);
		over[225] = 29; // the last label's length byte: one byte longer
		over[254] = 'd';
		over[255] = 0;
		assertThrows(MalformedPacketException.class, () -> EncodedName.read(over, 0, over.length));
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
