/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.internal;

import static org.herald.messenger.internal.Loopback.ip;
import static org.herald.netbios.wire.DatagramPacket.DIRECT_UNIQUE;
import static org.herald.netbios.wire.DatagramPacket.FLAG_FIRST;
import static org.herald.netbios.wire.DatagramPacket.FLAG_MORE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.herald.api.BindInterface;
import org.herald.api.Identity;
import org.herald.api.NetbiosName;
import org.herald.api.ReceivedMessage;
import org.herald.messenger.Delivery;
import org.herald.messenger.MessengerPorts;
import org.herald.messenger.OutgoingMessage;
import org.herald.messenger.PathChoice;
import org.herald.messenger.Recipient;

import org.herald.messenger.wire.MessageCharset;
import org.herald.messenger.wire.WinPopupBody;
import org.herald.netbios.datagram.DatagramService;
import org.herald.netbios.datagram.MailslotDatagram;
import org.herald.netbios.datagram.internal.SharedDatagramService;
import org.herald.netbios.datagram.Subscription;
import org.herald.netbios.wire.Datagram;
import org.herald.netbios.wire.EncodedName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.herald.smb.wire.MailslotWrite;

/**
 * The workbench's situation in one process: the Messenger's mailslot receiver and a browser
 * subscription (\MAILSLOT\BROWSE) on one datagram service, both on 127.0.0.7/8 (broadcast
 * 127.255.255.255, stays on lo); the peer sends from 127.0.0.1. Nothing leaves 127.0.0.0/8.
 */
class SharedDatagramPortTest {

	private static final Duration WAIT = Duration.ofSeconds(10);
	private static final Inet4Address HERALD = ip("127.0.0.7");
	private static final Inet4Address BROADCAST = ip("127.255.255.255");
	private static final String BROWSE = "\\MAILSLOT\\BROWSE";

	private int port;
	private SharedDatagramService service;
	private Identity identity;
	private RecordingSink sink;
	private ReceiverCounters counters;
	private DatagramSocket peer;
	private final BlockingQueue<MailslotDatagram> browser = new LinkedBlockingQueue<>();

	@BeforeEach
	void start() throws Exception {
		port = Loopback.freePort();
		service = new SharedDatagramService();
		identity = Loopback.identity("HERALD7", "127.0.0.7");
		sink = new RecordingSink();
		counters = new ReceiverCounters();
		peer = new DatagramSocket(new InetSocketAddress(ip("127.0.0.1"), 0));
		peer.setBroadcast(true);
	}

	@AfterEach
	void stop() {
		service.close();
		peer.close();
	}

	private MailslotReceiver messenger() throws Exception {
		MailslotReceiver r = new MailslotReceiver(service, identity, port, MessengerReceivers.ownMessengerName(identity), sink,
				PeerCharsets.fixed(MessageCharset.defaultOem()), counters, Clock.systemUTC());
		r.start();
		return r;
	}

	private Subscription browser() throws Exception {
		return service.subscribe(identity.interfaces(), port, List.of(BROWSE), DatagramService.Mode.RECEIVE_IF_FREE, browser::add);
	}

	private static byte[] popup(int type, NetbiosName to, String text) {
		byte[] body = new WinPopupBody("ALICE".getBytes(), to.name().getBytes(), text.getBytes(StandardCharsets.ISO_8859_1)).encode();
		return Datagram.whole(type, 1, ip("127.0.0.1"), 138, new EncodedName(new NetbiosName("ALICE", 0)), new EncodedName(to),
				MailslotWrite.messenger(body).encode()).encode();
	}

	private static byte[] browseFrame(String marker) {
		return Datagram.whole(0x11, 2, ip("127.0.0.1"), 138, new EncodedName(new NetbiosName("SAMBA1", 0)),
				new EncodedName(new NetbiosName("WG", 0x1D)), new MailslotWrite(BROWSE, 0, 2, marker.getBytes()).encode()).encode();
	}

	private void send(byte[] wire, Inet4Address to) throws Exception {
		peer.send(new DatagramPacket(wire, wire.length, new InetSocketAddress(to, port)));
	}

	private MailslotDatagram nextBrowse() throws InterruptedException {
		MailslotDatagram d = browser.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
		if (d == null) {
			throw new AssertionError("the browser subscription got nothing within " + WAIT);
		}
		return d;
	}

	private static String data(MailslotDatagram d) throws Exception {
		return new String(MailslotWrite.parse(d.datagram().userData()).data(), StandardCharsets.ISO_8859_1);
	}

	@Test
	void messengerAndBrowserShareThePortAndEachGetsItsOwnMailslot() throws Exception {
		try (MailslotReceiver m = messenger(); Subscription b = browser()) {
			assertTrue(b.hearsUnicast(identity.interfaces().get(0)), "the browser shares the unicast socket the messenger bound");
			send(popup(0x10, identity.messengerName(), "unicast pop-up"), HERALD);
			send(browseFrame("unicast browse"), HERALD);
			send(popup(0x11, new NetbiosName("WG", 3), "broadcast pop-up"), BROADCAST);
			send(browseFrame("broadcast browse"), BROADCAST);
			List<ReceivedMessage> got = sink.await(2, WAIT);
			assertEquals(java.util.Set.of("unicast pop-up", "broadcast pop-up"), got.stream().map(ReceivedMessage::text).collect(java.util.stream.Collectors.toSet()));
			// two sockets, two reader threads: either may come first
			java.util.Map<MailslotDatagram.Arrival, String> arrivals = new java.util.EnumMap<>(MailslotDatagram.Arrival.class);
			for (int i = 0; i < 2; i++) {
				MailslotDatagram d = nextBrowse();
				arrivals.put(d.arrival(), data(d));
			}
			assertEquals(java.util.Map.of(MailslotDatagram.Arrival.UNICAST, "unicast browse", MailslotDatagram.Arrival.BROADCAST,
					"broadcast browse"), arrivals);
			// the messenger counted the browser's two datagrams as not its own, nothing as malformed
			long deadline = System.nanoTime() + WAIT.toNanos();
			while (counters.snapshot().ignoredDatagrams() < 2 && System.nanoTime() < deadline) {
				Thread.onSpinWait();
			}
			assertEquals(2, counters.snapshot().ignoredDatagrams());
			assertEquals(0, counters.snapshot().malformed());
			assertEquals(2, sink.messages().size());
			assertTrue(browser.isEmpty());
		}
	}

	@Test
	void eitherLeavingDoesNotDeafenTheOther() throws Exception {
		MailslotReceiver m = messenger();
		Subscription b = browser();
		b.close();
		send(popup(0x10, identity.messengerName(), "after the browser left"), HERALD);
		send(popup(0x11, new NetbiosName("WG", 3), "broadcast after the browser left"), BROADCAST);
		assertEquals(2, sink.await(2, WAIT).size());
		b = browser();
		m.close();
		send(browseFrame("after the messenger left"), HERALD);
		assertEquals("after the messenger left", data(nextBrowse()));
		send(browseFrame("broadcast after the messenger left"), BROADCAST);
		assertEquals("broadcast after the messenger left", data(nextBrowse()));
		b.close();
		assertEquals(List.of(), service.sockets());
	}

	@Test
	void aFragmentedWriteArrivesAsOneMessage() throws Exception {
		try (MailslotReceiver m = messenger()) {
			String text = "A pop-up that a sender split into three NBDS fragments (RFC 1002 4.4.1).";
			byte[] body = new WinPopupBody("ALICE".getBytes(), "HERALD7".getBytes(), text.getBytes(StandardCharsets.ISO_8859_1)).encode();
			byte[] smb = MailslotWrite.messenger(body).encode();
			int[] cuts = { 0, 50, 100, smb.length };
			EncodedName from = new EncodedName(new NetbiosName("ALICE", 0));
			EncodedName to = new EncodedName(identity.messengerName());
			for (int i : new int[] { 2, 0, 1 }) { // out of order
				int flags = (i == 0 ? FLAG_FIRST : 0) | (i < 2 ? FLAG_MORE : 0);
				send(new Datagram(DIRECT_UNIQUE, flags, 0x4711, ip("127.0.0.1"), 138, cuts[i], from, to,
						Arrays.copyOfRange(smb, cuts[i], cuts[i + 1])).encode(), HERALD);
			}
			ReceivedMessage got = sink.await(1, WAIT).get(0);
			assertEquals(text, got.text());
			assertEquals("ALICE", got.senderName());
			assertEquals(1, sink.messages().size());
			assertEquals(0, counters.snapshot().malformed());
			assertEquals(0, counters.snapshot().ignoredDatagrams());
			assertEquals(1, service.counters().reassembled());
		}
	}

	/** A pop-up by mailslot to WINXP (127.0.0.1, where a socket on the datagram port plays the Windows host); returns the UDP source port seen. */
	private int mailslotSourcePort() throws Exception {
		try (DatagramSocket windows = new DatagramSocket(new InetSocketAddress(ip("127.0.0.1"), port))) {
			windows.setSoTimeout((int) WAIT.toMillis());
			MessengerSender sender = new MessengerSender(identity, name -> List.of(ip("127.0.0.1")), new MessengerPorts(0, 0, port),
					PeerCharsets.fixed(MessageCharset.defaultOem()), WAIT, WAIT, 4, service);
			Delivery d = sender.send(new OutgoingMessage("HERALD7", List.of(Recipient.parse("WINXP")), "from the port", PathChoice.MAILSLOT)).get(0);
			assertEquals(Delivery.Status.SENT_UNCONFIRMED, d.status(), d.toString());
			DatagramPacket p = new DatagramPacket(new byte[1024], 1024);
			windows.receive(p);
			assertEquals(HERALD, p.getAddress());
			return p.getPort();
		}
	}

	@Test
	void aPopUpByMailslotLeavesFromThePortWhileTheReceiverHoldsItAndNeverTakesItOtherwise() throws Exception {
		try (MailslotReceiver m = messenger()) {
			assertEquals(port, mailslotSourcePort(), "sent from the receiver's socket, as Windows sends from 138");
		}
		assertEquals(List.of(), service.sockets(), "the sender let go of the shared socket too");
		int own = mailslotSourcePort();
		assertTrue(own != port, "without a receiver: an ephemeral port");
		assertEquals(List.of(), service.sockets());
		// the send did not hold the port: a receiver starting now gets it
		try (MailslotReceiver m = messenger()) {
			send(popup(0x10, identity.messengerName(), "still ours"), HERALD);
			assertEquals("still ours", sink.await(1, WAIT).get(0).text());
		}
	}

	@Test
	void anotherProcessOnThePortStopsTheMessengerButNotTheBrowser() throws Exception {
		try (DatagramSocket nmbd = new DatagramSocket(new InetSocketAddress(HERALD, port))) {
			java.net.BindException e = org.junit.jupiter.api.Assertions.assertThrows(java.net.BindException.class, this::messenger);
			assertEquals(true, e.getMessage().matches("cannot bind UDP 127\\.0\\.0\\.7:" + port + " \\(.*; is nmbd or another Herald using it\\?\\)"),
					e.getMessage());
			try (Subscription b = browser()) {
				BindInterface i = identity.interfaces().get(0);
				assertEquals(false, b.hearsUnicast(i));
				send(browseFrame("broadcasts still come"), BROADCAST);
				assertEquals("broadcasts still come", data(nextBrowse()));
			}
		}
	}
}
