/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.internal;

import static org.herald.messenger.internal.Loopback.ip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.herald.api.MessagePath;
import org.herald.api.NetbiosName;
import org.herald.api.ReceivedMessage;
import org.herald.messenger.Delivery;
import org.herald.messenger.Delivery.FailureReason;
import org.herald.messenger.Delivery.Status;
import org.herald.messenger.MessengerPorts;
import org.herald.messenger.NameResolver;
import org.herald.messenger.OutgoingMessage;
import org.herald.messenger.PathChoice;
import org.herald.messenger.Recipient;
import org.herald.messenger.wire.MessageCharset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sender against Herald receivers on loopback: receivers HERALD1 on 127.0.0.2 and HERALD2 on
 * 127.0.0.3, the sender SENDER on 127.0.0.4; all /8. A map stands in for the name service.
 */
class MessengerSenderTest {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private MessengerPorts ports;
	private Loopback.Host one;
	private Loopback.Host two;
	private final Map<NetbiosName, Inet4Address> names = new java.util.HashMap<>();
	private final NameResolver resolver = n -> Optional.ofNullable(names.get(n)).map(List::of).orElse(List.of());

	@BeforeEach
	void start() throws Exception {
		ports = Loopback.freePorts();
		one = new Loopback.Host("HERALD1", "127.0.0.2", ports);
		two = new Loopback.Host("HERALD2", "127.0.0.3", ports);
		names.put(new NetbiosName("HERALD1", 3), ip("127.0.0.2"));
		names.put(new NetbiosName("HERALD2", 3), ip("127.0.0.3"));
		names.put(new NetbiosName("GHOST", 3), ip("127.0.0.2")); // resolves, but 127.0.0.2 does not hold it
	}

	@AfterEach
	void stop() {
		one.close();
		two.close();
	}

	private MessengerSender sender(MessengerPorts p) {
		return new MessengerSender(Loopback.identity("SENDER", "127.0.0.4"), resolver, p, PeerCharsets.fixed(MessageCharset.defaultOem()),
				Duration.ofSeconds(5), Duration.ofSeconds(5), 16, Loopback.DATAGRAMS);
	}

	private List<Delivery> send(PathChoice path, String text, String... targets) throws InterruptedException {
		List<Recipient> r = new ArrayList<>();
		for (String t : targets) {
			r.add(t.startsWith("@") ? new Recipient.Workgroup(t.substring(1)) : Recipient.parse(t));
		}
		return sender(ports).send(new OutgoingMessage("Sender", r, text, path));
	}

	@Test
	void shortTextByNameGoesAsSendMessageOn139() throws Exception {
		Delivery d = send(PathChoice.AUTO, "Hello", "HERALD1").get(0);
		assertEquals(Status.DELIVERED, d.status(), d.line());
		assertEquals(Optional.of(MessagePath.SESSION), d.path());
		assertEquals(Optional.of(ip("127.0.0.2")), d.address());
		assertEquals("via 139", d.detail());
		ReceivedMessage m = one.sink.messages().get(0);
		assertEquals("Hello", m.text());
		assertEquals("Sender", m.senderName());
		assertEquals("HERALD1", m.recipientName());
		assertEquals(ip("127.0.0.4"), m.senderAddress(), "the sender binds its configured interface");
	}

	@Test
	void longMultiLineUmlautTextGoesInBlocks() throws Exception {
		StringBuilder b = new StringBuilder();
		for (int i = 0; b.length() < 1200; i++) {
			b.append("Zeile ").append(i).append(": Grüße aus Köln, ÄÖÜ äöü ß\n");
		}
		String text = b.toString();
		Delivery d = send(PathChoice.SESSION, text, "HERALD2").get(0);
		assertEquals(Status.DELIVERED, d.status(), d.line());
		assertEquals(text, two.sink.messages().get(0).text());
		assertEquals(java.util.Set.of(), two.sink.messages().get(0).flags());
	}

	@Test
	void textOutsideCp850GoesAsUtf8AndArrivesIntact() throws Exception {
		Delivery d = send(PathChoice.SESSION, "euro € and 日本", "HERALD1").get(0);
		assertEquals(Status.DELIVERED, d.status());
		assertTrue(d.detail().contains("UTF-8"));
		assertEquals("euro € and 日本", one.sink.messages().get(0).text());
	}

	@Test
	void byAddressUsesDirectHostingFirst() throws Exception {
		Delivery d = send(PathChoice.AUTO, "by ip", "127.0.0.3").get(0);
		assertEquals(Status.DELIVERED, d.status(), d.line());
		assertEquals("via 445", d.detail());
		assertEquals("by ip", two.sink.messages().get(0).text());
		assertEquals("127.0.0.3", two.sink.messages().get(0).recipientName());
	}

	@Test
	void byAddressWithout445Calls139AsStarSmbserver() throws Exception {
		// only 139 open: the session request calls *SMBSERVER<20>, which a Herald refuses (0x82)
		MessengerSender s = sender(new MessengerPorts(ports.session(), Loopback.freePort(), 0));
		Delivery d = s.send(new OutgoingMessage("S", List.of(Recipient.parse("127.0.0.3")), "x", PathChoice.SESSION)).get(0);
		assertEquals(Optional.of(FailureReason.CALLED_NAME_NOT_PRESENT), d.reason(), d.line());
		assertEquals(1, two.counters.snapshot().refusedSessions());
	}

	@Test
	void nameWithout139UsesDirectHosting() throws Exception {
		MessengerSender s = sender(new MessengerPorts(Loopback.freePort(), ports.direct(), 0));
		Delivery d = s.send(new OutgoingMessage("S", List.of(Recipient.parse("HERALD1")), "x", PathChoice.SESSION)).get(0);
		assertEquals(Status.DELIVERED, d.status(), d.line());
		assertEquals("via 445", d.detail());
	}

	@Test
	void unknownNameFails() throws Exception {
		Delivery d = send(PathChoice.AUTO, "x", "NOBODY").get(0);
		assertEquals(Status.FAILED, d.status());
		assertEquals(Optional.of(FailureReason.NAME_NOT_FOUND), d.reason());
		assertEquals(Optional.empty(), d.address());
	}

	@Test
	void nameNotHeldThere() throws Exception {
		Delivery session = send(PathChoice.SESSION, "x", "GHOST").get(0);
		assertEquals(Optional.of(FailureReason.CALLED_NAME_NOT_PRESENT), session.reason(), session.line());
		// auto: the session is refused, so the mailslot path is taken (unconfirmed; HERALD1 ignores it: not its name)
		Delivery auto = send(PathChoice.AUTO, "x", "GHOST").get(0);
		assertEquals(Status.SENT_UNCONFIRMED, auto.status(), auto.line());
		assertEquals(Optional.of(MessagePath.MAILSLOT), auto.path());
		assertTrue(auto.detail().startsWith("session: negative session response: called name not present"), auto.detail());
	}

	@Test
	void nothingListening() throws Exception {
		Delivery d = send(PathChoice.SESSION, "x", "127.0.0.9").get(0);
		assertEquals(Optional.of(FailureReason.REFUSED), d.reason(), d.line());
	}

	@Test
	void silentPeerTimesOut() throws Exception {
		try (ServerSocket silent = new ServerSocket()) {
			silent.bind(new InetSocketAddress(ip("127.0.0.5"), 0));
			List<Socket> accepted = new ArrayList<>();
			Thread t = Thread.ofVirtual().start(() -> {
				try {
					accepted.add(silent.accept());
				} catch (java.io.IOException e) {
					// closed
				}
			});
			MessengerSender s = new MessengerSender(Loopback.identity("SENDER", "127.0.0.4"), resolver,
					new MessengerPorts(silent.getLocalPort(), 0, 0), PeerCharsets.fixed(MessageCharset.defaultOem()), Duration.ofSeconds(2),
					Duration.ofMillis(300), 4, Loopback.DATAGRAMS);
			Delivery d = s.send(new OutgoingMessage("S", List.of(Recipient.parse("127.0.0.5")), "x", PathChoice.SESSION)).get(0);
			assertEquals(Optional.of(FailureReason.TIMEOUT), d.reason(), d.line());
			silent.close();
			t.join();
			for (Socket a : accepted) {
				a.close();
			}
		}
	}

	@Test
	void refusalBySinkIsAnErrorStatus() throws Exception {
		one.sink.failing(true);
		Delivery d = send(PathChoice.SESSION, "x", "HERALD1").get(0);
		assertEquals(Optional.of(FailureReason.ERROR_STATUS), d.reason(), d.line());
		assertTrue(d.detail().contains("0xC00000D0"), d.detail());
		Delivery multi = send(PathChoice.SESSION, "y".repeat(300), "HERALD1").get(0);
		assertEquals(Optional.of(FailureReason.ERROR_STATUS), multi.reason(), multi.line());
	}

	@Test
	void tooLongIsRefusedNotCut() throws Exception {
		Delivery d = send(PathChoice.SESSION, "z".repeat(MessengerSender.MAX_SESSION_TEXT + 1), "HERALD1").get(0);
		assertEquals(Optional.of(FailureReason.TOO_LONG), d.reason());
		Delivery m = send(PathChoice.MAILSLOT, "z".repeat(500), "HERALD1").get(0);
		assertEquals(Optional.of(FailureReason.TOO_LONG), m.reason());
		assertTrue(one.sink.messages().isEmpty());
	}

	@Test
	void mailslotToAName() throws Exception {
		Delivery d = send(PathChoice.MAILSLOT, "popup\nline 2", "HERALD1").get(0);
		assertEquals(Status.SENT_UNCONFIRMED, d.status(), d.line());
		ReceivedMessage m = one.sink.await(1, WAIT).get(0);
		assertEquals("popup\nline 2", m.text());
		assertEquals(MessagePath.MAILSLOT, m.path());
		assertEquals("Sender", m.senderName());
	}

	@Test
	void mailslotToAnAddressGoesToTheMessengerNameItsNodeStatusGives() throws Exception {
		// what the name service's node status says, from the same table the names resolve with
		NameResolver withNodeStatus = new NameResolver() {
			@Override
			public List<Inet4Address> resolve(NetbiosName name) {
				return Optional.ofNullable(names.get(name)).map(List::of).orElse(List.of());
			}

			@Override
			public Optional<NetbiosName> messengerNameOf(Inet4Address host) {
				return names.entrySet().stream().filter(e -> e.getValue().equals(host) && !e.getKey().name().equals("GHOST"))
						.map(Map.Entry::getKey).findFirst();
			}
		};
		MessengerSender s = new MessengerSender(Loopback.identity("SENDER", "127.0.0.4"), withNodeStatus, ports,
				PeerCharsets.fixed(MessageCharset.defaultOem()), Duration.ofSeconds(5), Duration.ofSeconds(5), 16, Loopback.DATAGRAMS);
		Delivery d = s.send(new OutgoingMessage("Sender", List.of(Recipient.parse("127.0.0.3")), "to an address", PathChoice.MAILSLOT)).get(0);
		assertEquals(Status.SENT_UNCONFIRMED, d.status(), d.line());
		assertTrue(d.detail().contains("HERALD2<03>"), d.detail());
		ReceivedMessage m = two.sink.await(1, WAIT).get(0);
		assertEquals("to an address", m.text());
		assertEquals("HERALD2", m.recipientName(), "a direct unique datagram to the host's own name, not to a group");
	}

	@Test
	void workgroupReachesEveryHerald() throws Exception {
		List<Delivery> ds = send(PathChoice.AUTO, "all of you", "@WG");
		assertEquals(1, ds.size());
		assertEquals(Optional.of(ip("127.255.255.255")), ds.get(0).address());
		assertEquals("all of you", one.sink.await(1, WAIT).get(0).text());
		assertEquals("all of you", two.sink.await(1, WAIT).get(0).text());
	}

	@Test
	void rangeAndListGiveOneResultEach() throws Exception {
		List<Delivery> ds = send(PathChoice.SESSION, "range", "127.0.0.2-3", "HERALD1", "NOBODY");
		assertEquals(4, ds.size());
		assertEquals("127.0.0.2", ds.get(0).recipient());
		assertEquals(Status.DELIVERED, ds.get(0).status());
		assertEquals("127.0.0.3", ds.get(1).recipient());
		assertEquals(Status.DELIVERED, ds.get(1).status());
		assertEquals(Status.DELIVERED, ds.get(2).status());
		assertEquals(Status.FAILED, ds.get(3).status());
		assertEquals(2, one.sink.messages().size());
		assertEquals(1, two.sink.messages().size());
	}

	@Test
	void fanOutToManyListeners() throws Exception {
		List<Loopback.Host> hosts = new ArrayList<>();
		try {
			for (int i = 1; i <= 60; i++) {
				hosts.add(new Loopback.Host("FAN" + i, "127.0.1." + i, new MessengerPorts(ports.session(), ports.direct(), 0)));
			}
			List<Delivery> ds = send(PathChoice.SESSION, "fan-out", "127.0.1.1-60");
			assertEquals(60, ds.size());
			assertTrue(ds.stream().allMatch(d -> d.status() == Status.DELIVERED), () -> ds.stream().filter(Delivery::failed).map(Delivery::line).toList().toString());
			for (Loopback.Host h : hosts) {
				assertEquals("fan-out", h.sink.messages().get(0).text());
			}
		} finally {
			hosts.forEach(Loopback.Host::close);
		}
	}
}
