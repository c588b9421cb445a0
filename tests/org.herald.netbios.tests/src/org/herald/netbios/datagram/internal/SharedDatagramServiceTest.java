/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.netbios.datagram.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.BindException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.herald.api.BindInterface;
import org.herald.netbios.datagram.DatagramService.Mode;
import org.herald.netbios.datagram.MailslotDatagram.Arrival;
import org.herald.netbios.datagram.MailslotHandler.Skip;
import org.herald.netbios.internal.Loopback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.herald.netbios.datagram.DatagramCounters;
import org.herald.netbios.datagram.DatagramService;
import org.herald.netbios.datagram.FragmentReassembly;
import org.herald.netbios.datagram.MailslotDatagram;
import org.herald.netbios.datagram.MailslotHandler;
import org.herald.netbios.datagram.Subscription;
import org.herald.netbios.datagram.TestFrames;

/**
 * One datagram service over real UDP on loopback: subscribers on 127.0.0.41 and 127.0.0.42 (/8, so
 * the subnet broadcast is 127.255.255.255, which stays on lo), a peer on 127.0.0.1, a random high
 * port. Nothing leaves 127.0.0.0/8.
 */
class SharedDatagramServiceTest {

	private static final Duration WAIT = Duration.ofSeconds(10);
	private static final Inet4Address PEER = BindInterface.parseIpv4("127.0.0.1");
	private static final Inet4Address BROADCAST = BindInterface.parseIpv4("127.255.255.255");
	private static final BindInterface ONE = BindInterface.parse("127.0.0.41/8");
	private static final BindInterface TWO = BindInterface.parse("127.0.0.42/8");
	static final String MESSNGR = "\\MAILSLOT\\MESSNGR";
	static final String BROWSE = "\\MAILSLOT\\BROWSE";

	private int port;
	private SharedDatagramService service;
	private DatagramSocket peer;

	/** Records what a subscription gets. */
	static final class Recorder implements MailslotHandler {
		final BlockingQueue<MailslotDatagram> delivered = new LinkedBlockingQueue<>();
		final BlockingQueue<Skip> skipped = new LinkedBlockingQueue<>();

		@Override
		public void deliver(MailslotDatagram d) {
			delivered.add(d);
		}

		@Override
		public void skipped(Skip why, BindInterface via) {
			skipped.add(why);
		}

		MailslotDatagram next() throws InterruptedException {
			MailslotDatagram d = delivered.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
			if (d == null) {
				throw new AssertionError("nothing delivered within " + WAIT);
			}
			return d;
		}

		Skip nextSkip() throws InterruptedException {
			Skip s = skipped.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
			if (s == null) {
				throw new AssertionError("nothing skipped within " + WAIT);
			}
			return s;
		}
	}

	@BeforeEach
	void start() throws Exception {
		port = freePort();
		service = new SharedDatagramService();
		peer = new DatagramSocket(new InetSocketAddress(PEER, 0));
		peer.setBroadcast(true);
		peer.setSoTimeout((int) WAIT.toMillis());
	}

	@AfterEach
	void stop() {
		service.close();
		peer.close();
	}

	static int freePort() throws Exception {
		for (int i = 0; i < 50; i++) {
			try (ServerSocket s = new ServerSocket()) {
				s.bind(new InetSocketAddress(PEER, 0));
				int p = s.getLocalPort();
				try (DatagramSocket d = new DatagramSocket(new InetSocketAddress(PEER, p))) {
					return p;
				} catch (java.io.IOException e) {
					// taken for UDP: another
				}
			}
		}
		throw new AssertionError("no free port");
	}

	private void send(byte[] bytes, Inet4Address to) throws Exception {
		peer.send(new DatagramPacket(bytes, bytes.length, new InetSocketAddress(to, port)));
	}

	private static String text(MailslotDatagram d) {
		byte[] u = d.datagram().userData();
		int at = 32 + 1 + 34 + 2 + d.mailslot().length() + 1;
		return new String(u, at, u.length - at, StandardCharsets.ISO_8859_1);
	}

	@Test
	void twoSubscribersOnOneAddressGetTheirOwnMailslotsUnicastAndBroadcast() throws Exception {
		Recorder messenger = new Recorder();
		Recorder browser = new Recorder();
		try (Subscription m = service.subscribe(List.of(ONE), port, List.of(MESSNGR), Mode.RECEIVE, messenger);
				Subscription b = service.subscribe(List.of(ONE), port, List.of(BROWSE, "\\MAILSLOT\\LANMAN"), Mode.RECEIVE_IF_FREE, browser)) {
			assertTrue(m.hearsUnicast(ONE));
			assertTrue(b.hearsUnicast(ONE), "the browser shares the unicast socket the messenger bound");
			assertEquals(port, b.sendingPort(ONE));
			assertEquals(2, service.sockets().size(), service.sockets().toString());

			send(TestFrames.whole(MESSNGR, "pop-up"), ONE.address());
			MailslotDatagram got = messenger.next();
			assertEquals("pop-up", text(got));
			assertEquals(Arrival.UNICAST, got.arrival());
			assertEquals(PEER, got.from());
			assertEquals(peer.getLocalPort(), got.fromPort());
			assertEquals(ONE, got.via());
			assertFalse(got.reassembled());
			assertEquals(Skip.OTHER_MAILSLOT, browser.nextSkip());

			send(TestFrames.whole("\\mailslot\\browse", "announce"), BROADCAST); // mailslot names compare without case
			got = browser.next();
			assertEquals("announce", text(got));
			assertEquals(Arrival.BROADCAST, got.arrival());
			assertEquals("\\mailslot\\browse", got.mailslot());
			assertEquals(Skip.OTHER_MAILSLOT, messenger.nextSkip());

			send(TestFrames.whole(BROWSE, "unicast reply"), ONE.address());
			assertEquals(Arrival.UNICAST, browser.next().arrival());
			send(TestFrames.whole(MESSNGR, "to all"), BROADCAST);
			assertEquals(Arrival.BROADCAST, messenger.next().arrival());
			assertTrue(messenger.delivered.isEmpty());
			assertTrue(browser.delivered.isEmpty());
		}
		assertEquals(List.of(), service.sockets());
	}

	@Test
	void aSubscriberLeavingDoesNotDeafenTheOther() throws Exception {
		Recorder messenger = new Recorder();
		Recorder browser = new Recorder();
		Subscription m = service.subscribe(List.of(ONE), port, List.of(MESSNGR), Mode.RECEIVE, messenger);
		Subscription b = service.subscribe(List.of(ONE), port, List.of(BROWSE), Mode.RECEIVE, browser);
		b.close();
		send(TestFrames.whole(MESSNGR, "still here"), ONE.address());
		assertEquals("still here", text(messenger.next()));
		send(TestFrames.whole(MESSNGR, "and broadcast"), BROADCAST);
		assertEquals("and broadcast", text(messenger.next()));
		b = service.subscribe(List.of(ONE), port, List.of(BROWSE), Mode.RECEIVE, browser);
		m.close();
		send(TestFrames.whole(BROWSE, "browser alone"), ONE.address());
		assertEquals("browser alone", text(browser.next()));
		send(TestFrames.whole(BROWSE, "browser broadcast"), BROADCAST);
		assertEquals("browser broadcast", text(browser.next()));
		assertTrue(messenger.delivered.isEmpty());
		b.close();
		// the last one gone, the port is free again for anyone
		assertEquals(List.of(), service.sockets());
		try (DatagramSocket again = new DatagramSocket(new InetSocketAddress(ONE.address(), port))) {
			assertEquals(port, again.getLocalPort());
		}
	}

	@Test
	void twoAddressesShareTheBroadcastSocketAndKeepTheirUnicast() throws Exception {
		Recorder one = new Recorder();
		Recorder two = new Recorder();
		try (Subscription a = service.subscribe(List.of(ONE), port, List.of(MESSNGR), Mode.RECEIVE, one);
				Subscription b = service.subscribe(List.of(TWO), port, List.of(MESSNGR), Mode.RECEIVE, two)) {
			assertEquals(3, service.sockets().size(), service.sockets().toString());
			send(TestFrames.whole(MESSNGR, "for two"), TWO.address());
			assertEquals(TWO, two.next().via());
			send(TestFrames.whole(MESSNGR, "for both"), BROADCAST);
			assertEquals(ONE, one.next().via());
			assertEquals(TWO, two.next().via());
			assertTrue(one.delivered.isEmpty());
		}
	}

	@Test
	void aPortHeldByAnotherProcessFailsReceiveAndFallsBackForReceiveIfFree() throws Exception {
		try (DatagramSocket nmbd = new DatagramSocket(new InetSocketAddress(ONE.address(), port))) {
			Recorder r = new Recorder();
			BindException e = assertThrows(BindException.class, () -> service.subscribe(List.of(ONE), port, List.of(MESSNGR), Mode.RECEIVE, r));
			assertTrue(e.getMessage().startsWith("cannot bind UDP 127.0.0.41:" + port + " ("), e.getMessage());
			assertTrue(e.getMessage().endsWith("; is nmbd or another Herald using it?)"), e.getMessage());
			assertEquals(List.of(), service.sockets(), "nothing stays bound after a failed subscription");

			try (Subscription b = service.subscribe(List.of(ONE), port, List.of(BROWSE), Mode.RECEIVE_IF_FREE, r)) {
				assertFalse(b.hearsUnicast(ONE));
				int own = b.sendingPort(ONE);
				assertNotEquals(port, own);
				// broadcasts still arrive
				send(TestFrames.whole(BROWSE, "heard"), BROADCAST);
				assertEquals(Arrival.BROADCAST, r.next().arrival());
				// what it sends leaves from its own port; the answer to that port comes back to it
				DatagramSocket answerer = nmbd;
				answerer.setSoTimeout((int) WAIT.toMillis());
				b.send(ONE, TestFrames.whole(BROWSE, "request"), ONE.address());
				DatagramPacket p = new DatagramPacket(new byte[1024], 1024);
				answerer.receive(p);
				assertEquals(own, p.getPort());
				byte[] answer = TestFrames.whole(BROWSE, "answer");
				answerer.send(new DatagramPacket(answer, answer.length, p.getSocketAddress()));
				MailslotDatagram got = r.next();
				assertEquals("answer", text(got));
				assertEquals(Arrival.OWN_PORT, got.arrival());
			}
		}
	}

	@Test
	void aSubscriptionThatFellBackTakesTheUnicastPortOnceTheOtherProcessLetsGo() throws Exception {
		service.close();
		service = new SharedDatagramService(new FragmentReassembly(), Duration.ofMillis(50));
		Recorder r = new Recorder();
		DatagramSocket nmbd = new DatagramSocket(new InetSocketAddress(ONE.address(), port));
		try (Subscription b = service.subscribe(List.of(ONE), port, List.of(BROWSE), Mode.RECEIVE_IF_FREE, r)) {
			assertFalse(b.hearsUnicast(ONE));
			int own = b.sendingPort(ONE);
			assertNotEquals(port, own);
			nmbd.close();
			Loopback.await("the subscription binds the unicast port the other process freed", () -> b.hearsUnicast(ONE));
			assertEquals(port, b.sendingPort(ONE));
			send(TestFrames.whole(BROWSE, "unicast now"), ONE.address());
			MailslotDatagram got = r.next();
			assertEquals("unicast now", text(got));
			assertEquals(Arrival.UNICAST, got.arrival());
			// and what it sends leaves from the port now
			DatagramPacket p = new DatagramPacket(new byte[1024], 1024);
			try (DatagramSocket windows = new DatagramSocket(new InetSocketAddress(PEER, port))) {
				windows.setSoTimeout((int) WAIT.toMillis());
				b.send(ONE, TestFrames.whole(BROWSE, "from the port"), PEER);
				windows.receive(p);
				assertEquals(port, p.getPort());
			}
		} finally {
			nmbd.close();
		}
		assertEquals(List.of(), service.sockets(), "the unicast socket it took is closed with it");
	}

	@Test
	void aSharedSenderUsesTheHeldPortButNeverBindsIt() throws Exception {
		Recorder r = new Recorder();
		try (Subscription alone = service.subscribe(List.of(ONE), port, List.of(), Mode.SEND_SHARED, r)) {
			assertNotEquals(port, alone.sendingPort(ONE));
			assertFalse(alone.hearsUnicast(ONE));
			assertEquals(List.of(), service.sockets(), "the port stays free for a receiver");
			try (DatagramSocket receiver = new DatagramSocket(new InetSocketAddress(ONE.address(), port))) {
				assertEquals(port, receiver.getLocalPort());
			}
		}
		try (Subscription m = service.subscribe(List.of(ONE), port, List.of(MESSNGR), Mode.RECEIVE, new Recorder());
				Subscription s = service.subscribe(List.of(ONE), port, List.of(), Mode.SEND_SHARED, r)) {
			assertEquals(port, s.sendingPort(ONE));
			m.close();
			// the sender still holds the socket it shares until it closes
			try (DatagramSocket windows = new DatagramSocket(new InetSocketAddress(PEER, port))) {
				windows.setSoTimeout((int) WAIT.toMillis());
				s.send(ONE, TestFrames.whole(MESSNGR, "pop-up"), PEER);
				DatagramPacket p = new DatagramPacket(new byte[1024], 1024);
				windows.receive(p);
				assertEquals(port, p.getPort());
			}
		}
		assertEquals(List.of(), service.sockets());
		assertTrue(r.delivered.isEmpty(), "a sender subscribed to no mailslot gets nothing");
		assertThrows(IllegalArgumentException.class, () -> service.subscribe(List.of(ONE), port, List.of(), Mode.RECEIVE, r));
	}

	@Test
	void sendingGoesOutFromTheSharedPort() throws Exception {
		try (Subscription b = service.subscribe(List.of(ONE), port, List.of(BROWSE), Mode.RECEIVE, new Recorder())) {
			byte[] reply = TestFrames.whole(BROWSE, "reply");
			try (DatagramSocket windows = new DatagramSocket(new InetSocketAddress(PEER, port))) {
				windows.setSoTimeout((int) WAIT.toMillis());
				b.send(ONE, reply, PEER);
				DatagramPacket p = new DatagramPacket(new byte[1024], 1024);
				windows.receive(p);
				assertEquals(port, p.getPort());
				assertEquals(ONE.address(), p.getAddress());
			}
		}
	}

	@Test
	void sendOnlyHasItsOwnPortAndNothingOnTheDatagramPort() throws Exception {
		Recorder r = new Recorder();
		try (Subscription s = service.subscribe(List.of(ONE), port, List.of(BROWSE), Mode.SEND_ONLY, r)) {
			assertFalse(s.hearsUnicast(ONE));
			assertNotEquals(port, s.sendingPort(ONE));
			assertEquals(List.of(), service.sockets());
			byte[] answer = TestFrames.whole(BROWSE, "to the own port");
			peer.send(new DatagramPacket(answer, answer.length, new InetSocketAddress(ONE.address(), s.sendingPort(ONE))));
			assertEquals(Arrival.OWN_PORT, r.next().arrival());
		}
	}

	@Test
	void malformedDatagramsAndFailingHandlersDoNotStopTheReader() throws Exception {
		Recorder good = new Recorder();
		MailslotHandler failing = d -> {
			throw new IllegalStateException("a subscriber's bug");
		};
		try (Subscription f = service.subscribe(List.of(ONE), port, List.of(MESSNGR), Mode.RECEIVE, failing);
				Subscription g = service.subscribe(List.of(ONE), port, List.of(MESSNGR), Mode.RECEIVE, good)) {
			send(HexFormat.of().parseHex("10020000"), ONE.address()); // too short
			byte[] notTransaction = TestFrames.whole(MESSNGR, "x");
			notTransaction[82 + 4] = 0x42; // SMB command 0x42
			send(notTransaction, ONE.address());
			send(HexFormat.of().parseHex("1402000a7f000001008a" + "0000"), ONE.address()); // a query: no data
			assertEquals(Skip.MALFORMED, good.nextSkip());
			assertEquals(Skip.MALFORMED, good.nextSkip());
			assertEquals(Skip.NOT_DATA, good.nextSkip());
			send(TestFrames.whole(MESSNGR, "after all that"), ONE.address());
			assertEquals("after all that", text(good.next()));
			Loopback.await("the delivery counted", () -> service.counters().delivered() == 1);
			DatagramCounters c = service.counters();
			assertEquals(1, c.handlerFailures());
			assertEquals(4, c.received());
			assertEquals(2, c.malformed());
			assertEquals(1, c.undelivered());
			assertEquals(1, c.delivered());
		}
	}

	@Test
	void aFragmentedWriteIsDeliveredOnceWhole() throws Exception {
		Recorder r = new Recorder();
		try (Subscription s = service.subscribe(List.of(ONE), port, List.of(MESSNGR), Mode.RECEIVE, r)) {
			byte[] write = TestFrames.write(MESSNGR, "a message in three pieces".getBytes(StandardCharsets.ISO_8859_1));
			byte[] a = java.util.Arrays.copyOfRange(write, 0, 40);
			byte[] b = java.util.Arrays.copyOfRange(write, 40, 90);
			byte[] c = java.util.Arrays.copyOfRange(write, 90, write.length);
			send(TestFrames.datagram(0x00, 9, 90, c), ONE.address()); // the last one (M clear) first
			send(TestFrames.datagram(0x03, 9, 0, a), ONE.address());
			assertEquals(Skip.FRAGMENT, r.nextSkip());
			assertEquals(Skip.FRAGMENT, r.nextSkip());
			send(TestFrames.datagram(0x01, 9, 40, b), ONE.address());
			MailslotDatagram got = r.next();
			assertTrue(got.reassembled());
			assertTrue(got.datagram().isWhole());
			assertEquals("a message in three pieces", text(got));
			assertEquals(MESSNGR, got.mailslot());
			Loopback.await("the delivery counted", () -> service.counters().delivered() == 1);
			assertEquals(1, service.counters().reassembled());
			assertEquals(3, service.counters().fragments());
		}
	}
}
