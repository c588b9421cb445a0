/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

import org.herald.api.NetbiosName;
import org.herald.netbios.datagram.FragmentReassembly;
import org.herald.netbios.wire.Datagram;
import org.herald.netbios.wire.DatagramError;
import org.herald.netbios.wire.DatagramPacket;
import org.herald.netbios.wire.EncodedName;
import org.herald.netbios.wire.MalformedPacketException;

import com.code_intelligence.jazzer.junit.FuzzTest;

/** NBDS (UDP 138): {@link DatagramPacket#parse} and the {@link FragmentReassembly} of fragment sequences. */
class NbdsFuzzTest {

	@FuzzTest
	void datagram(byte[] packet) throws MalformedPacketException {
		DatagramPacket p;
		try {
			p = DatagramPacket.parse(packet, 0, packet.length);
		} catch (MalformedPacketException e) {
			return;
		}
		byte[] shifted = new byte[packet.length + 5];
		System.arraycopy(packet, 0, shifted, 2, packet.length);
		assertEquals(p, DatagramPacket.parse(shifted, 2, packet.length));
		switch (p) {
			case Datagram d -> {
				d.isWhole();
				d.toString();
				byte[] again = d.encode();
				assertEquals(d, DatagramPacket.parse(again, 0, again.length));
			}
			case DatagramError e -> {
				byte[] again = e.encode();
				assertEquals(e, DatagramPacket.parse(again, 0, again.length));
			}
			case DatagramPacket.Other o -> o.toString();
		}
	}

	private static final EncodedName SENDER = new EncodedName(new NetbiosName("SENDER", 0));
	private static final EncodedName GROUP = new EncodedName(new NetbiosName("WG", 3));
	private static final EncodedName OTHER = new EncodedName(new NetbiosName("OTHER", 3));
	/** Limits to run the reassembly under: tight ones reach eviction quickly, the last is the default. */
	private static final int[][] LIMITS = { { 64, 1 }, { 512, 2 }, { 4096, 4 }, { FragmentReassembly.DEFAULT_MAX_BYTES,
			FragmentReassembly.DEFAULT_MAX_SETS } };
	private static final int RECORD = 6;
	private static final int MAX_LENGTH = 0x1FF;
	/** The user data of every datagram: a window into this table, shifted by datagram id and source host. */
	private static final byte[] CONTENT = new byte[0x10000 + MAX_LENGTH + 4 * 31 + 32 * 13];

	static {
		for (int i = 0; i < CONTENT.length; i++) {
			CONTENT[i] = (byte) (i * 7 + i / 251);
		}
	}

	/**
	 * A sequence of fragments, 6 bytes each: control (bit 0 M, bit 1 F, bits 2-3 node type, bits 4-5
	 * datagram id, bit 6 the receiving socket, bit 7 another destination), PACKET_OFFSET (16 bits), the
	 * length of its user data (9 bits; bits 11-15 pick the source host), and the time since the
	 * previous fragment in 100 ms. User data bytes are a function of their position in the whole, so a
	 * datagram put back together must hold exactly that function.
	 */
	@FuzzTest
	void reassembly(byte[] script) throws UnknownHostException {
		if (script.length == 0) {
			return;
		}
		int[] limit = LIMITS[script[0] & 3];
		FragmentReassembly r = new FragmentReassembly(FragmentReassembly.DEFAULT_TIMEOUT, limit[0], limit[1]);
		long now = 0;
		for (int at = 1; at + RECORD <= script.length; at += RECORD) {
			int control = script[at] & 0xFF;
			int flags = control & 0x0F;
			int id = control >> 4 & 3;
			Object socket = (control & 0x40) != 0 ? "b" : "a";
			EncodedName destination = (control & 0x80) != 0 ? OTHER : GROUP;
			int offset = (script[at + 1] & 0xFF) << 8 | script[at + 2] & 0xFF;
			int lengthField = (script[at + 3] & 0xFF) << 8 | script[at + 4] & 0xFF;
			int length = lengthField & MAX_LENGTH;
			int host = lengthField >> 11;
			now += Duration.ofMillis(100L * (script[at + 5] & 0xFF)).toNanos();
			Inet4Address source = (Inet4Address) InetAddress.getByAddress(new byte[] { 10, 0, 0, (byte) host });
			int shift = shift(id, host);
			byte[] data = Arrays.copyOfRange(CONTENT, shift + offset, shift + offset + length);
			Datagram fragment = new Datagram(DatagramPacket.DIRECT_GROUP, flags, id, source, 138, offset, SENDER, destination, data);
			try {
				Optional<Datagram> whole = r.offer(socket, fragment, now);
				if (whole.isPresent()) {
					Datagram d = whole.get();
					assertTrue(d.isWhole(), "a reassembled datagram is whole");
					byte[] all = d.userData();
					if (!Arrays.equals(all, 0, all.length, CONTENT, shift, shift + all.length)) {
						throw new AssertionError("reassembled datagram " + id + " holds bytes that are not where its fragments put them");
					}
				}
			} catch (MalformedPacketException e) {
				// refused fragment
			}
			FragmentReassembly.Counts c = r.counts();
			assertTrue(c.pending() >= 0 && c.pending() <= limit[1], "sets held within the limit: " + c);
			assertTrue(c.pendingBytes() >= 0 && c.pendingBytes() <= limit[0], "bytes held within the limit: " + c);
		}
	}

	private static int shift(int id, int host) {
		return id * 31 + host * 13;
	}
}
