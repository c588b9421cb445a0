/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.internal;

import static org.herald.messenger.internal.Loopback.ip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet4Address;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.herald.api.MessagePath;
import org.herald.api.NetbiosName;
import org.herald.api.ReceivedMessage;
import org.herald.messenger.CodePageRule;
import org.herald.messenger.CodePages;
import org.herald.messenger.Delivery;
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
 * Code pages per host over real sockets on loopback: a Russian DOS host (CP866), a Greek one
 * (CP737) and a Western one (CP850) send to Heralds on 127.0.0.2 and 127.0.0.3 (/8, so the
 * workgroup broadcast is 127.255.255.255 on lo); Heralds send by their rules and the bytes that
 * arrived are checked. Nothing leaves 127.0.0.0/8.
 */
class CodePageRoutingTest {

	private static final Duration WAIT = Duration.ofSeconds(10);
	private static final Charset CP850 = Charset.forName("IBM850");
	private static final Charset CP866 = Charset.forName("IBM866");
	private static final Charset CP737 = Charset.forName("x-IBM737");

	private static final String RUSSIAN = "Привет, мир! Сервер перезагрузится в 18:00.";
	private static final String GREEK = "Καλημέρα σας, ο διακομιστής σταματά.";
	private static final String WESTERN = "Grüße aus Köln, café à 18h.";

	/** The receiving Herald's rules: the Russian host by name, the workgroup WG (the Heralds') in CP737. */
	private static final CodePages RECEIVING = CodePages.standard().with(CodePageRule.parse("DOSRU", "CP866"))
			.with(CodePageRule.parse("workgroup:WG", "CP737"));

	private MessengerPorts ports;
	private Loopback.Host ruled;
	private Loopback.Host plain;

	@BeforeEach
	void start() throws Exception {
		ports = Loopback.freePorts();
		ruled = new Loopback.Host("HERALD1", "127.0.0.2", ports, null, PeerCharsets.of(() -> RECEIVING));
		plain = new Loopback.Host("HERALD2", "127.0.0.3", ports); // CP850 for everyone: shows the bytes that came
	}

	@AfterEach
	void stop() {
		ruled.close();
		plain.close();
	}

	private static final Map<NetbiosName, Inet4Address> NAMES = Map.of(new NetbiosName("HERALD1", 3), ip("127.0.0.2"),
			new NetbiosName("HERALD2", 3), ip("127.0.0.3"));

	/** Resolves the two Heralds; says HERALD2 (127.0.0.3) is in workgroup RUSSIA when asked for node status. */
	private static final NameResolver RESOLVER = new NameResolver() {
		@Override
		public List<Inet4Address> resolve(NetbiosName name) {
			return Optional.ofNullable(NAMES.get(name)).map(List::of).orElse(List.of());
		}

		@Override
		public Optional<String> workgroupOf(Inet4Address host) {
			return host.equals(ip("127.0.0.3")) ? Optional.of("RUSSIA") : Optional.empty();
		}
	};

	private MessengerSender sender(String name, String address, PeerCharsets charsets) {
		return new MessengerSender(Loopback.identity(name, address), RESOLVER, ports, charsets, Duration.ofSeconds(5), Duration.ofSeconds(5),
				8, Loopback.DATAGRAMS);
	}

	/** A DOS host that knows only its own code page. */
	private MessengerSender dosHost(String name, String address, Charset codePage) {
		return sender(name, address, PeerCharsets.fixed(new MessageCharset(codePage)));
	}

	private static Delivery send(MessengerSender s, String from, PathChoice path, Recipient to, String text) throws InterruptedException {
		Delivery d = s.send(new OutgoingMessage(from, List.of(to), text, path)).get(0);
		assertTrue(d.status() != Status.FAILED, d.line());
		return d;
	}

	private static ReceivedMessage received(Loopback.Host host, int n) throws InterruptedException {
		List<ReceivedMessage> got = host.sink.await(n, WAIT);
		assertEquals(n, got.size(), "messages received by " + host.identity.name());
		return got.get(n - 1);
	}

	/** What a CP850 reader makes of {@code text} written in {@code codePage}: tells exactly which bytes came. */
	private static String asCp850(String text, Charset codePage) {
		return new MessageCharset(CP850).decodeText(text.replace("\n", "\r\n").getBytes(codePage)).text();
	}

	private static Recipient herald1() {
		return Recipient.parse("HERALD1");
	}

	@Test
	void aCp866HostsSessionMessageArrivesExactWhileACp850HostsStillDoes() throws Exception {
		send(dosHost("DOSRU", "127.0.0.5", CP866), "DOSRU", PathChoice.SESSION, herald1(), RUSSIAN);
		ReceivedMessage m = received(ruled, 1);
		assertEquals(RUSSIAN, m.text());
		assertEquals(MessagePath.SESSION, m.path());
		send(dosHost("WEST", "127.0.0.6", CP850), "WEST", PathChoice.SESSION, herald1(), WESTERN);
		assertEquals(WESTERN, received(ruled, 2).text());
		// the calling name decides even when the originator shown is a user's name
		send(dosHost("DOSRU", "127.0.0.5", CP866), "Ivan", PathChoice.SESSION, herald1(), RUSSIAN + " (2)");
		assertEquals(RUSSIAN + " (2)", received(ruled, 3).text());
		assertEquals("Ivan", received(ruled, 3).senderName());
	}

	@Test
	void aCp866HostsMailslotMessageArrivesExactWhileACp850HostsStillDoes() throws Exception {
		send(dosHost("DOSRU", "127.0.0.5", CP866), "DOSRU", PathChoice.MAILSLOT, herald1(), RUSSIAN);
		ReceivedMessage m = received(ruled, 1);
		assertEquals(RUSSIAN, m.text());
		assertEquals(MessagePath.MAILSLOT, m.path());
		send(dosHost("WEST", "127.0.0.6", CP850), "WEST", PathChoice.MAILSLOT, herald1(), WESTERN);
		assertEquals(WESTERN, received(ruled, 2).text());
	}

	@Test
	void aWorkgroupRuleAppliesToAMailslotWriteToTheGroup() throws Exception {
		MessengerSender greek = dosHost("GREEK", "127.0.0.7", CP737);
		send(greek, "GREEK", PathChoice.MAILSLOT, new Recipient.Workgroup("WG"), GREEK);
		assertEquals(GREEK, received(ruled, 1).text());
		assertEquals(asCp850(GREEK, CP737), received(plain, 1).text(), "the Herald without rules reads CP850");
		// the same bytes straight to the host (no group name, no workgroup known): the default applies
		send(greek, "GREEK", PathChoice.MAILSLOT, herald1(), GREEK);
		assertNotEquals(GREEK, received(ruled, 2).text());
		assertEquals(asCp850(GREEK, CP737), received(ruled, 2).text());
	}

	@Test
	void theSenderWritesEachRecipientInItsCodePage() throws Exception {
		CodePages rules = CodePages.standard().with(CodePageRule.parse("HERALD2", "CP866")).with(CodePageRule.parse("127.0.0.2", "CP737"));
		MessengerSender herald = sender("ADMIN", "127.0.0.4", PeerCharsets.of(() -> rules));
		// by name: HERALD2 is a CP866 host; the plain receiver shows the CP866 bytes that came
		Delivery d = send(herald, "ADMIN", PathChoice.SESSION, Recipient.parse("HERALD2"), RUSSIAN);
		assertEquals("via 139, text in IBM866", d.detail());
		assertEquals(asCp850(RUSSIAN, CP866), received(plain, 1).text());
		d = send(herald, "ADMIN", PathChoice.MAILSLOT, Recipient.parse("HERALD2"), RUSSIAN);
		assertTrue(d.detail().endsWith("text in IBM866"), d.detail());
		assertEquals(asCp850(RUSSIAN, CP866), received(plain, 2).text());
		// by address: 127.0.0.2 takes CP737 (it reads it back by its own rules only for WG broadcasts: CP850 here)
		send(herald, "ADMIN", PathChoice.SESSION, Recipient.parse("127.0.0.2"), GREEK);
		assertEquals(asCp850(GREEK, CP737), received(ruled, 1).text());
		// a host no rule names gets the default, and the detail says nothing of code pages
		d = send(herald, "ADMIN", PathChoice.SESSION, Recipient.parse("127.0.0.3"), WESTERN);
		assertEquals("via 445", d.detail());
		assertEquals(WESTERN, received(plain, 3).text());
	}

	@Test
	void theSenderFindsTheWorkgroupOfARecipientOnlyWhenAWorkgroupRuleCouldDecide() throws Exception {
		CodePages rules = CodePages.standard().with(CodePageRule.parse("workgroup:RUSSIA", "CP866"))
				.with(CodePageRule.parse("workgroup:WG", "CP737"));
		MessengerSender herald = sender("ADMIN", "127.0.0.4", PeerCharsets.of(() -> rules));
		// 127.0.0.3 says it is in RUSSIA (node status): CP866
		send(herald, "ADMIN", PathChoice.SESSION, Recipient.parse("127.0.0.3"), RUSSIAN);
		assertEquals(asCp850(RUSSIAN, CP866), received(plain, 1).text());
		// a workgroup recipient is written in its workgroup's code page: both Heralds got CP737 bytes
		send(herald, "ADMIN", PathChoice.MAILSLOT, new Recipient.Workgroup("WG"), GREEK);
		assertEquals(asCp850(GREEK, CP737), received(plain, 2).text());
		assertEquals(GREEK, received(ruled, 1).text(), "and the Herald with a WG rule reads it right");
	}
}
