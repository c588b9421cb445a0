/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.internal;

import static org.herald.messenger.internal.Loopback.ip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import org.herald.api.MessageFlag;
import org.herald.api.MessagePath;
import org.herald.api.NetbiosName;
import org.herald.api.ReceivedMessage;
import org.herald.messenger.MessengerPorts;

import org.herald.messenger.wire.WinPopupBody;
import org.herald.netbios.wire.Datagram;
import org.herald.netbios.wire.EncodedName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.herald.smb.wire.MailslotWrite;

/**
 * The mailslot receiver over real UDP: Heralds on 127.0.0.2 and 127.0.0.3 (/8), datagrams sent
 * from 127.0.0.1 to their addresses or to 127.255.255.255 (loopback broadcast, stays on lo).
 */
class MailslotReceiverTest {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private MessengerPorts ports;
	private Loopback.Host one;
	private Loopback.Host two;

	@BeforeEach
	void start() throws Exception {
		ports = new MessengerPorts(0, 0, Loopback.freePort());
		one = new Loopback.Host("HERALD1", "127.0.0.2", ports);
		two = new Loopback.Host("HERALD2", "127.0.0.3", ports);
	}

	@AfterEach
	void stop() {
		one.close();
		two.close();
	}

	private void send(byte[] wire, Inet4Address to) throws Exception {
		try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(ip("127.0.0.1"), 0))) {
			s.setBroadcast(true);
			s.send(new DatagramPacket(wire, wire.length, new InetSocketAddress(to, ports.datagram())));
		}
	}

	private static byte[] popup(int type, NetbiosName to, byte[] body) {
		return Datagram.whole(type, 1, ip("127.0.0.1"), 138, new EncodedName(new NetbiosName("SENDER", 0)), new EncodedName(to),
				MailslotWrite.messenger(body).encode()).encode();
	}

	private static byte[] body(String from, String to, byte[] text) {
		return new WinPopupBody(from.getBytes(), to.getBytes(), text).encode();
	}

	@Test
	void directUniqueToAHeldName() throws Exception {
		send(popup(0x10, new NetbiosName("HERALD1", 3), body("ALICE", "HERALD1", "Gr\u0081\u00e1e\r\nzwei".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1))),
				ip("127.0.0.2"));
		ReceivedMessage m = one.sink.await(1, WAIT).get(0);
		assertEquals("ALICE", m.senderName());
		assertEquals("HERALD1", m.recipientName());
		assertEquals("Grüße\nzwei", m.text());
		assertEquals(MessagePath.MAILSLOT, m.path());
		assertEquals(ip("127.0.0.1"), m.senderAddress());
		assertEquals(Set.of(), m.flags());
	}

	@Test
	void workgroupBroadcastReachesEveryHerald() throws Exception {
		send(popup(0x11, new NetbiosName("WG", 3), body("ALICE", "WG", "to all".getBytes())), ip("127.255.255.255"));
		assertEquals("to all", one.sink.await(1, WAIT).get(0).text());
		assertEquals("to all", two.sink.await(1, WAIT).get(0).text());
		// WG<00> and the broadcast type are accepted too
		send(popup(0x12, new NetbiosName("WG", 0), body("ALICE", "WG", "bcast".getBytes())), ip("127.255.255.255"));
		assertEquals("bcast", one.sink.await(2, WAIT).get(1).text());
	}

	@Test
	void notForUsIsIgnoredAndGarbageCounted() throws Exception {
		send(popup(0x10, new NetbiosName("SOMEONE", 3), body("A", "SOMEONE", "x".getBytes())), ip("127.0.0.2"));
		send(popup(0x11, new NetbiosName("OTHERWG", 3), body("A", "OTHERWG", "x".getBytes())), ip("127.0.0.2"));
		byte[] browse = Datagram.whole(0x10, 2, ip("127.0.0.1"), 138, new EncodedName(new NetbiosName("SENDER", 0)),
				new EncodedName(new NetbiosName("HERALD1", 3)), new MailslotWrite("\\MAILSLOT\\BROWSE", 0, 2, new byte[] { 1 }).encode()).encode();
		send(browse, ip("127.0.0.2"));
		send(HexFormat.of().parseHex("10020000"), ip("127.0.0.2"));
		byte[] badSmb = popup(0x10, new NetbiosName("HERALD1", 3), body("A", "B", "x".getBytes()));
		badSmb[badSmb.length - 10] = (byte) 0xEE; // inside the SMB: now the WinPopup body is broken or not
		badSmb[14 + 68 + 4] = 0x42; // SMB command 0x42 instead of 0x25
		send(badSmb, ip("127.0.0.2"));
		// a good one after all of that: arrives, and the counts of the others are in by then
		send(popup(0x10, new NetbiosName("HERALD1", 3), body("A", "HERALD1", "after".getBytes())), ip("127.0.0.2"));
		List<ReceivedMessage> got = one.sink.await(1, WAIT);
		assertEquals("after", got.get(0).text());
		long deadline = System.nanoTime() + WAIT.toNanos();
		while (one.counters.snapshot().ignoredDatagrams() + one.counters.snapshot().malformed() < 5 && System.nanoTime() < deadline) {
			Thread.onSpinWait();
		}
		assertEquals(3, one.counters.snapshot().ignoredDatagrams());
		assertEquals(2, one.counters.snapshot().malformed());
		assertEquals(1, one.sink.messages().size());
	}

	@Test
	void bodyWithoutTerminatorIsMarkedRepaired() throws Exception {
		byte[] body = HexFormat.of().parseHex("4100484552414c44310063757420686572"); // A\0HERALD1\0cut her
		send(popup(0x10, new NetbiosName("HERALD1", 3), body), ip("127.0.0.2"));
		ReceivedMessage m = one.sink.await(1, WAIT).get(0);
		assertEquals("cut her", m.text());
		assertTrue(m.flags().contains(MessageFlag.REPAIRED));
	}

	@Test
	void aTakenPortIsReportedNotShared() throws Exception {
		// like nmbd holding IP:138: the unicast socket does not set SO_REUSEADDR, so it cannot steal
		try (DatagramSocket nmbd = new DatagramSocket(new InetSocketAddress(ip("127.0.0.6"), ports.datagram()))) {
			MailslotReceiver r = new MailslotReceiver(Loopback.DATAGRAMS, Loopback.identity("HERALD6", "127.0.0.6"), ports.datagram(), n -> true, one.sink,
					PeerCharsets.fixed(org.herald.messenger.wire.MessageCharset.defaultOem()), new ReceiverCounters(), java.time.Clock.systemUTC());
			java.net.BindException e = org.junit.jupiter.api.Assertions.assertThrows(java.net.BindException.class, r::start);
			assertTrue(e.getMessage().contains("UDP 127.0.0.6:" + ports.datagram()), e.getMessage());
			r.close();
		}
	}
}
