/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.browser.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.herald.api.BindInterface;
import org.herald.api.Identity;
import org.herald.api.NetbiosName;
import org.herald.browser.BrowseModel;
import org.herald.browser.BrowserSettings;
import org.herald.browser.Host;
import org.herald.browser.wire.Announcement;
import org.herald.browser.wire.AnnouncementRequest;
import org.herald.browser.wire.BrowseDatagram;
import org.herald.browser.wire.ServerType;

import org.herald.netbios.datagram.DatagramService;
import org.herald.netbios.datagram.MailslotDatagram;
import org.herald.netbios.datagram.internal.SharedDatagramService;
import org.herald.netbios.datagram.Subscription;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.herald.smb.wire.MailslotWrite;

/**
 * The host browser on the process's datagram service beside a Messenger receiver (a
 * \MAILSLOT\MESSNGR subscription that binds the unicast port first, as in the workbench): Herald on
 * 127.0.0.9/8 (broadcast 127.255.255.255, stays on lo), peers on 127.0.0.1. Nothing leaves 127.0.0.0/8.
 */
class BrowserSharedPortTest {

	private static final Duration WAIT = Duration.ofSeconds(10);
	private static final Inet4Address HERALD = BindInterface.parseIpv4("127.0.0.9");
	private static final Inet4Address PEER = BindInterface.parseIpv4("127.0.0.1");
	private static final Inet4Address BROADCAST = BindInterface.parseIpv4("127.255.255.255");

	private int port;
	private SharedDatagramService service;
	private Identity identity;
	private BrowseModel model;
	private DatagramSocket peer;
	private final BlockingQueue<MailslotDatagram> messenger = new LinkedBlockingQueue<>();

	@BeforeEach
	void start() throws Exception {
		port = freePort();
		service = new SharedDatagramService();
		identity = new Identity("HERALD9", "WG", List.of(BindInterface.parse("127.0.0.9/8")), Optional.empty());
		model = new BrowseModel();
		peer = new DatagramSocket(new InetSocketAddress(PEER, 0));
		peer.setBroadcast(true);
	}

	@AfterEach
	void stop() {
		service.close();
		peer.close();
	}

	private static int freePort() throws Exception {
		for (int i = 0; i < 50; i++) {
			try (ServerSocket s = new ServerSocket()) {
				s.bind(new InetSocketAddress(PEER, 0));
				try (DatagramSocket d = new DatagramSocket(new InetSocketAddress(PEER, s.getLocalPort()))) {
					return s.getLocalPort();
				} catch (java.io.IOException e) {
					// taken for UDP
				}
			}
		}
		throw new AssertionError("no free port");
	}

	private BrowserService browser() throws Exception {
		BrowserService b = new BrowserService(service, identity, BrowserSettings.defaults().withPorts(port, 1, 1), model, Clock.systemUTC());
		b.start();
		return b;
	}

	private Subscription messengerReceiver() throws Exception {
		return service.subscribe(identity.interfaces(), port, List.of(MailslotWrite.MESSENGER_MAILSLOT), DatagramService.Mode.RECEIVE,
				messenger::add);
	}

	private static byte[] hostAnnouncement(String host, Inet4Address at) {
		return new BrowseDatagram(at, new NetbiosName(host, 0), new NetbiosName("WG", NetbiosName.LOCAL_MASTER_BROWSER),
				BrowseDatagram.BROWSE_MAILSLOT, Announcement.host(1, 720_000, host, 6, 1, ServerType.WORKSTATION | ServerType.SERVER, host + " here"))
				.encode(1, true);
	}

	private void send(byte[] wire, Inet4Address to) throws Exception {
		peer.send(new DatagramPacket(wire, wire.length, new InetSocketAddress(to, port)));
	}

	private boolean knows(String host) {
		return model.hosts().stream().map(Host::name).anyMatch(host::equals);
	}

	private static void await(BooleanSupplier condition, String what) throws InterruptedException {
		long deadline = System.nanoTime() + WAIT.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("not within " + WAIT + ": " + what);
			}
			Thread.sleep(5);
		}
	}

	@Test
	void besideAMessengerReceiverTheBrowserHearsUnicastAndBroadcast() throws Exception {
		try (Subscription m = messengerReceiver(); BrowserService b = browser()) {
			assertEquals(List.of(true), b.unicastBound());
			send(hostAnnouncement("UNICASTHOST", PEER), HERALD); // e.g. Samba's 'remote announce' to this host
			await(() -> knows("UNICASTHOST"), "the unicast announcement in the model");
			send(hostAnnouncement("BCASTHOST", PEER), BROADCAST);
			await(() -> knows("BCASTHOST"), "the broadcast announcement in the model");
			byte[] popup = org.herald.netbios.wire.Datagram.whole(0x10, 3, PEER, 138,
					new org.herald.netbios.wire.EncodedName(new NetbiosName("ALICE", 0)),
					new org.herald.netbios.wire.EncodedName(new NetbiosName("HERALD9", 3)),
					MailslotWrite.messenger("ALICE\0HERALD9\0hi\0".getBytes()).encode()).encode();
			send(popup, HERALD);
			MailslotDatagram d = messenger.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
			org.junit.jupiter.api.Assertions.assertNotNull(d, "the messenger subscription got the pop-up");
			assertEquals(MailslotWrite.MESSENGER_MAILSLOT, d.mailslot());
			await(() -> b.counters().received() == 3, "the browser counted the pop-up as received, not as a frame");
			assertEquals(2, b.counters().browserFrames());
			assertEquals(0, b.counters().malformed());
		}
	}

	@Test
	void theBrowsersRequestsLeaveFromTheDatagramPort() throws Exception {
		try (DatagramSocket master = new DatagramSocket(null)) {
			master.setReuseAddress(true);
			master.bind(new InetSocketAddress(BROADCAST, port)); // hears broadcasts to the port, as nmbd does
			master.setSoTimeout((int) WAIT.toMillis());
			try (Subscription m = messengerReceiver(); BrowserService b = browser()) {
				b.requestAnnouncements("WG");
				DatagramPacket p = new DatagramPacket(new byte[1024], 1024);
				master.receive(p);
				assertEquals(HERALD, p.getAddress());
				assertEquals(port, p.getPort(), "sent from the datagram port the messenger bound, as Windows expects");
				BrowseDatagram d = BrowseDatagram.parse(p.getData(), p.getLength()).orElseThrow();
				assertEquals(new AnnouncementRequest("HERALD9"), d.frame());
			}
		}
	}

	@Test
	void theMessengerLeavingKeepsTheBrowserListening() throws Exception {
		Subscription m = messengerReceiver();
		try (BrowserService b = browser()) {
			m.close();
			send(hostAnnouncement("STILLHEARD", PEER), HERALD);
			await(() -> knows("STILLHEARD"), "the unicast announcement after the messenger left");
		}
		assertEquals(List.of(), service.sockets());
	}

	@Test
	void anotherProcessOnThePortLeavesBroadcastsAndAnOwnPort() throws Exception {
		try (DatagramSocket nmbd = new DatagramSocket(new InetSocketAddress(HERALD, port)); BrowserService b = browser()) {
			assertEquals(List.of(false), b.unicastBound());
			send(hostAnnouncement("BCASTHOST", PEER), BROADCAST);
			await(() -> knows("BCASTHOST"), "the broadcast announcement in the model");
			assertTrue(b.counters().received() >= 1);
		}
	}
}
