/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.netbios.datagram;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

import org.herald.netbios.wire.Datagram;
import org.herald.netbios.wire.DatagramPacket;
import org.herald.netbios.wire.MalformedPacketException;
import org.junit.jupiter.api.Test;

/**
 * Reassembly of hand-built fragments (RFC 1002 4.4.1/4.4.2): a direct group datagram from
 * SENDER&lt;00&gt; at 127.0.0.1:138 to WG&lt;03&gt;, DGM_ID 0x1234, whose 10 bytes of user data
 * come in pieces of 4, 4 and 2 bytes.
 */
class FragmentReassemblyTest {

	/** " SENDER<00>" first-level encoded: length 0x20, 32 letters, terminating 0 (RFC 1002 4.1). */
	private static final String SENDER = "\u0020FDEFEOEEEFFCCACACACACACACACACAAA\0";
	/** "WG<03>". */
	private static final String WG = "\u0020FHEHCACACACACACACACACACACACACAAD\0";
	private static final Object SOCKET = "127.255.255.255:138";
	private static final long T0 = 1_000_000_000L;

	/** Header (type 0x11, flags, id 0x1234, 127.0.0.1, port 138, DGM_LENGTH, PACKET_OFFSET), names, data. */
	private static byte[] frame(int flags, int offset, String dataHex) {
		byte[] data = HexFormat.of().parseHex(dataHex);
		int dgmLength = 68 + data.length;
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(HexFormat.of().parseHex(String.format("11%02x12347f000001008a%04x%04x", flags, dgmLength, offset)));
		out.writeBytes(SENDER.getBytes(StandardCharsets.ISO_8859_1));
		out.writeBytes(WG.getBytes(StandardCharsets.ISO_8859_1));
		out.writeBytes(data);
		return out.toByteArray();
	}

	private static Datagram parse(byte[] frame) throws MalformedPacketException {
		return (Datagram) DatagramPacket.parse(frame, 0, frame.length);
	}

	private static final byte[] FIRST = frame(0x03, 0, "ff534d42"); // F and M
	private static final byte[] MIDDLE = frame(0x01, 4, "25000000"); // M
	private static final byte[] LAST = frame(0x00, 8, "0011"); // neither: the last one

	@Test
	void threeFragmentsInOrderMakeTheWholeDatagram() throws Exception {
		FragmentReassembly r = new FragmentReassembly();
		assertEquals(Optional.empty(), r.offer(SOCKET, parse(FIRST), T0));
		assertEquals(Optional.empty(), r.offer(SOCKET, parse(MIDDLE), T0 + 1));
		Datagram whole = r.offer(SOCKET, parse(LAST), T0 + 2).orElseThrow();
		assertTrue(whole.isWhole());
		// byte for byte what the sender would have sent unfragmented: flags F only, offset 0, 78 bytes after the header
		assertArrayEquals(frame(0x02, 0, "ff534d42250000000011"), whole.encode());
		assertEquals(new FragmentReassembly.Counts(0, 0, 1, 0, 0, 0), r.counts());
	}

	@Test
	void fragmentsInAnyOrderAndRepeatedOnes() throws Exception {
		FragmentReassembly r = new FragmentReassembly();
		assertEquals(Optional.empty(), r.offer(SOCKET, parse(LAST), T0));
		assertEquals(Optional.empty(), r.offer(SOCKET, parse(FIRST), T0));
		assertEquals(Optional.empty(), r.offer(SOCKET, parse(FIRST), T0)); // a duplicate replaces its twin
		assertEquals(new FragmentReassembly.Counts(1, 6, 0, 0, 0, 0), r.counts());
		Datagram whole = r.offer(SOCKET, parse(MIDDLE), T0).orElseThrow();
		assertArrayEquals(HexFormat.of().parseHex("ff534d42250000000011"), whole.userData());
	}

	@Test
	void setsAreKeptApartBySocketSourceAndId() throws Exception {
		FragmentReassembly r = new FragmentReassembly();
		byte[] otherId = FIRST.clone();
		otherId[3] = 0x35; // DGM_ID 0x1235
		r.offer(SOCKET, parse(FIRST), T0);
		r.offer(SOCKET, parse(otherId), T0);
		r.offer("another socket", parse(MIDDLE), T0);
		r.offer(SOCKET, parse(MIDDLE), T0);
		assertEquals(3, r.counts().pending());
		assertTrue(r.offer(SOCKET, parse(LAST), T0).isPresent());
		assertEquals(2, r.counts().pending());
	}

	@Test
	void anIncompleteSetExpires() throws Exception {
		FragmentReassembly r = new FragmentReassembly(Duration.ofSeconds(2), 1 << 20, 16);
		r.offer(SOCKET, parse(FIRST), T0);
		r.offer(SOCKET, parse(LAST), T0);
		assertEquals(0, r.expire(T0 + 1_999_999_999L));
		assertEquals(1, r.expire(T0 + 2_000_000_000L));
		assertEquals(new FragmentReassembly.Counts(0, 0, 0, 1, 0, 0), r.counts());
		// the middle arriving late starts a new set that never completes: the first fragment is gone
		assertEquals(Optional.empty(), r.offer(SOCKET, parse(MIDDLE), T0 + 2_000_000_001L));
	}

	@Test
	void memoryIsBoundedByEvictingTheOldestSet() throws Exception {
		FragmentReassembly r = new FragmentReassembly(Duration.ofSeconds(5), 8, 16);
		byte[] otherId = FIRST.clone();
		otherId[3] = 0x35;
		r.offer(SOCKET, parse(FIRST), T0); // 4 bytes
		r.offer(SOCKET, parse(otherId), T0 + 1); // 8 bytes held
		r.offer(SOCKET, parse(LAST), T0 + 2); // 10 > 8: the oldest other set (0x1235) goes
		assertEquals(new FragmentReassembly.Counts(1, 6, 0, 0, 1, 0), r.counts());
		assertTrue(r.offer(SOCKET, parse(MIDDLE), T0 + 3).isPresent());
		FragmentReassembly few = new FragmentReassembly(Duration.ofSeconds(5), 1 << 20, 1);
		few.offer(SOCKET, parse(FIRST), T0);
		few.offer(SOCKET, parse(otherId), T0);
		assertEquals(new FragmentReassembly.Counts(1, 4, 0, 0, 1, 0), few.counts());
	}

	/**
	 * Found in review for the fuzzing of issue 14: empty fragments hold no bytes against the byte
	 * limit, so one datagram could gather 65,536 of them, each arrival scanning all before it.
	 */
	@Test
	void aSetOfTooManyFragmentsIsDropped() throws Exception {
		FragmentReassembly r = new FragmentReassembly();
		r.offer(SOCKET, parse(FIRST), T0);
		for (int i = 1; i < FragmentReassembly.MAX_FRAGMENTS; i++) {
			assertEquals(Optional.empty(), r.offer(SOCKET, parse(frame(0x01, 4 + i, "")), T0));
		}
		assertEquals(new FragmentReassembly.Counts(1, 4, 0, 0, 0, 0), r.counts());
		r.offer(SOCKET, parse(frame(0x01, 4 + FragmentReassembly.MAX_FRAGMENTS, "")), T0);
		assertEquals(new FragmentReassembly.Counts(0, 0, 0, 0, 1, 0), r.counts());
	}

	@Test
	void fragmentsWithoutDataAreBoundedByTheirNumber() throws Exception {
		// empty middle fragments at distinct offsets: no bytes held, but each is an entry
		FragmentReassembly r = new FragmentReassembly(Duration.ofSeconds(5), 1 << 20, 16, 10);
		for (int offset = 1; offset <= 100; offset++) {
			assertEquals(Optional.empty(), r.offer(SOCKET, parse(frame(0x01, offset, "")), T0));
			assertTrue(r.pendingPieces() <= 10, "pieces held: " + r.pendingPieces());
		}
		assertTrue(r.counts().evicted() >= 9, r.counts().toString());
		// and across sets: the oldest go first
		FragmentReassembly many = new FragmentReassembly(Duration.ofSeconds(5), 1 << 20, 1000, 10);
		for (int id = 0; id < 30; id++) {
			byte[] f = FIRST.clone();
			f[3] = (byte) id;
			many.offer(SOCKET, parse(f), T0 + id);
		}
		assertEquals(10, many.counts().pending());
		assertEquals(20, many.counts().evicted());
		assertEquals(10, many.pendingPieces());
	}

	@Test
	void contradictionsAreMalformedAndDropTheSet() throws Exception {
		FragmentReassembly r = new FragmentReassembly();
		assertThrows(MalformedPacketException.class, () -> r.offer(SOCKET, parse(frame(0x01, 0, "00")), T0)); // offset 0 without F
		assertThrows(MalformedPacketException.class, () -> r.offer(SOCKET, parse(frame(0x03, 4, "00")), T0)); // F at offset 4
		r.offer(SOCKET, parse(FIRST), T0);
		r.offer(SOCKET, parse(LAST), T0);
		MalformedPacketException e = assertThrows(MalformedPacketException.class, () -> r.offer(SOCKET, parse(frame(0x00, 4, "00")), T0));
		assertTrue(e.getMessage().contains("two last fragments"), e.getMessage());
		assertEquals(new FragmentReassembly.Counts(0, 0, 0, 0, 0, 1), r.counts());
		r.offer(SOCKET, parse(FIRST), T0);
		byte[] otherDestination = MIDDLE.clone();
		otherDestination[14 + 34 + 1] = 'E'; // WG -> another name
		assertThrows(MalformedPacketException.class, () -> r.offer(SOCKET, parse(otherDestination), T0));
		assertEquals(0, r.counts().pending());
	}

	@Test
	void aWholeDatagramPassesThrough() throws Exception {
		FragmentReassembly r = new FragmentReassembly();
		Datagram whole = parse(frame(0x02, 0, "ff534d42"));
		assertEquals(whole, r.offer(SOCKET, whole, T0).orElseThrow());
		assertEquals(new FragmentReassembly.Counts(0, 0, 0, 0, 0, 0), r.counts());
	}
}
