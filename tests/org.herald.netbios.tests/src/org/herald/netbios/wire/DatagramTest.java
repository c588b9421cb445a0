/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.netbios.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.HexFormat;

import org.herald.api.NetbiosName;
import org.junit.jupiter.api.Test;

class DatagramTest {

	private static final HexFormat HEX = HexFormat.of();

	/** ALICE&lt;00&gt; first-level encoded: "ALICE" + 10 spaces + 0x00. */
	private static final String ALICE_00 = "20" + "EBEMEJEDEFCACACACACACACACACACAAA".chars()
			.mapToObj(c -> String.format("%02x", c)).reduce("", String::concat) + "00";
	/** BOB&lt;03&gt;. */
	private static final String BOB_03 = "20" + "ECEPECCACACACACACACACACACACACAAD".chars()
			.mapToObj(c -> String.format("%02x", c)).reduce("", String::concat) + "00";

	private static Inet4Address ip(String s) throws Exception {
		return (Inet4Address) InetAddress.getByName(s);
	}

	@Test
	void directUniqueByteExact() throws Exception {
		Datagram d = Datagram.whole(DatagramPacket.DIRECT_UNIQUE, 0x1234, ip("198.51.100.2"), 138,
				new EncodedName(new NetbiosName("ALICE", 0)), new EncodedName(new NetbiosName("BOB", 3)), new byte[] { 1, 2, 3 });
		String expected = "10" + "02" + "1234" + "c6336402" + "008a" + "0047" + "0000" + ALICE_00 + BOB_03 + "010203";
		assertEquals(expected, HEX.formatHex(d.encode()));
		DatagramPacket back = DatagramPacket.parse(d.encode(), 0, d.encode().length);
		assertEquals(d, back);
		assertTrue(((Datagram) back).isWhole());
	}

	@Test
	void parsesAtAnOffsetAndIgnoresTrailingBytes() throws Exception {
		Datagram d = Datagram.whole(DatagramPacket.BROADCAST, 7, ip("198.51.100.9"), 138, new EncodedName(new NetbiosName("ALICE", 0)),
				new EncodedName(new NetbiosName("WG", 0x1E)), "hi".getBytes());
		byte[] wire = d.encode();
		byte[] buffer = new byte[wire.length + 20];
		System.arraycopy(wire, 0, buffer, 5, wire.length);
		Datagram back = (Datagram) DatagramPacket.parse(buffer, 5, wire.length + 10);
		assertEquals(d, back);
		assertArrayEquals("hi".getBytes(), back.userData());
	}

	@Test
	void fragmentsAreNotWhole() throws Exception {
		Datagram first = new Datagram(DatagramPacket.DIRECT_GROUP, DatagramPacket.FLAG_FIRST | DatagramPacket.FLAG_MORE, 1, ip("198.51.100.2"),
				138, 0, new EncodedName(new NetbiosName("A", 0)), new EncodedName(new NetbiosName("B", 3)), new byte[1]);
		assertFalse(first.isWhole());
		Datagram later = new Datagram(DatagramPacket.DIRECT_GROUP, 0, 1, ip("198.51.100.2"), 138, 100,
				new EncodedName(new NetbiosName("A", 0)), new EncodedName(new NetbiosName("B", 3)), new byte[1]);
		assertFalse(later.isWhole());
	}

	@Test
	void errorDatagram() throws Exception {
		DatagramError e = new DatagramError(DatagramPacket.FLAG_FIRST, 0x0102, ip("198.51.100.1"), 138, DatagramError.DESTINATION_NAME_NOT_PRESENT);
		assertEquals("13020102c6336401008a82", HEX.formatHex(e.encode()));
		assertEquals(e, DatagramPacket.parse(e.encode(), 0, 11));
	}

	@Test
	void queryTypesAreRecognisedButNotDecoded() throws Exception {
		byte[] q = HEX.parseHex("14020001c6336401008a0000");
		assertInstanceOf(DatagramPacket.Other.class, DatagramPacket.parse(q, 0, q.length));
	}

	@Test
	void malformedDatagramsAreRefused() throws Exception {
		byte[] good = Datagram.whole(DatagramPacket.DIRECT_UNIQUE, 1, ip("198.51.100.2"), 138, new EncodedName(new NetbiosName("ALICE", 0)),
				new EncodedName(new NetbiosName("BOB", 3)), new byte[] { 9 }).encode();
		// DGM_LENGTH says more than there is
		assertThrows(MalformedPacketException.class, () -> DatagramPacket.parse(good, 0, good.length - 1));
		// a name cut in the middle
		byte[] shortLen = good.clone();
		shortLen[11] = 40;
		assertThrows(MalformedPacketException.class, () -> DatagramPacket.parse(shortLen, 0, shortLen.length));
		byte[] reserved = good.clone();
		reserved[1] = (byte) 0x80;
		assertThrows(MalformedPacketException.class, () -> DatagramPacket.parse(reserved, 0, reserved.length));
		byte[] unknown = good.clone();
		unknown[0] = 0x20;
		assertThrows(MalformedPacketException.class, () -> DatagramPacket.parse(unknown, 0, unknown.length));
		assertThrows(MalformedPacketException.class, () -> DatagramPacket.parse(Arrays.copyOf(good, 9), 0, 9));
		assertThrows(MalformedPacketException.class, () -> DatagramPacket.parse(Arrays.copyOf(good, 12), 0, 12));
		assertThrows(MalformedPacketException.class, () -> DatagramPacket.parse(HEX.parseHex("13020102c6336401008a8200"), 0, 12));
	}
}
