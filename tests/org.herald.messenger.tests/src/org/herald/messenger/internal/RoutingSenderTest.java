/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.internal;

import static org.herald.messenger.internal.Loopback.ip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet4Address;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.herald.api.Identity;
import org.herald.api.MessageFlag;
import org.herald.api.NetbiosName;
import org.herald.messenger.Delivery;
import org.herald.messenger.Delivery.Channel;
import org.herald.messenger.Delivery.FailureReason;
import org.herald.messenger.Delivery.Status;
import org.herald.messenger.EncryptionPolicy;
import org.herald.messenger.MessengerPorts;
import org.herald.messenger.NameResolver;
import org.herald.messenger.OutgoingMessage;
import org.herald.messenger.PathChoice;
import org.herald.messenger.PeerChannel;
import org.herald.messenger.Recipient;
import org.herald.messenger.wire.MessageCharset;
import org.herald.peer.IdentityKey;
import org.herald.peer.PeerPins;
import org.herald.peer.PeerService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sender with the peer channel, on loopback: HERALD1 (127.0.0.2) is a Herald peer (plain
 * receivers and the peer service), HERALD2 (127.0.0.3) only has the plain receivers, a legacy peer.
 * The sender SENDER is 127.0.0.4. A map stands in for the name service.
 */
class RoutingSenderTest {

	@TempDir
	Path tmp;
	private MessengerPorts ports;
	private Loopback.Host one;
	private Loopback.Host two;
	private PeerService peerOfOne;
	private final RecordingSink encryptedAtOne = new RecordingSink();
	private Path senderWorkspace;
	private final Identity sender = Loopback.identity("SENDER", "127.0.0.4");
	private final Map<NetbiosName, Inet4Address> names = Map.of(new NetbiosName("HERALD1", 3), ip("127.0.0.2"), new NetbiosName("HERALD2", 3),
			ip("127.0.0.3"));
	private final NameResolver resolver = n -> Optional.ofNullable(names.get(n)).map(List::of).orElse(List.of());

	@BeforeEach
	void start() throws Exception {
		ports = Loopback.freePorts();
		one = new Loopback.Host("HERALD1", "127.0.0.2", ports);
		two = new Loopback.Host("HERALD2", "127.0.0.3", ports);
		Path oneWorkspace = Files.createDirectories(tmp.resolve("one"));
		peerOfOne = PeerService.start(one.identity, 0, IdentityKey.loadOrCreate(oneWorkspace), PeerPins.in(oneWorkspace), encryptedAtOne,
				new PeerService.Listener() {
				}, PeerService.Limits.defaults());
		senderWorkspace = Files.createDirectories(tmp.resolve("sender"));
	}

	@AfterEach
	void stop() {
		peerOfOne.close();
		one.close();
		two.close();
	}

	private List<Delivery> send(EncryptionPolicy policy, PathChoice path, PeerDiscovery discovery, String text, String... targets)
			throws Exception {
		PeerChannel channel = new PeerChannel(senderWorkspace, policy, peerOfOne.addresses().get(0).getPort());
		MessengerSender plain = new MessengerSender(sender, resolver, ports, PeerCharsets.fixed(MessageCharset.defaultOem()), Duration.ofSeconds(5),
				Duration.ofSeconds(5), 16, Loopback.DATAGRAMS);
		List<Recipient> recipients = java.util.Arrays.stream(targets).map(Recipient::parse).toList();
		return new RoutingSender(sender, channel, resolver, plain, Duration.ofSeconds(5), discovery)
				.send(new OutgoingMessage("SENDER", recipients, text, path));
	}

	private static PeerDiscovery fresh() {
		return new PeerDiscovery(Clock.systemUTC(), Duration.ofMinutes(5));
	}

	@Test
	void aHeraldPeerGetsItEncryptedALegacyPeerPlainAndSaidSo() throws Exception {
		PeerDiscovery discovery = fresh();
		List<Delivery> results = send(EncryptionPolicy.AUTO, PathChoice.AUTO, discovery, "the secret plan", "HERALD1", "HERALD2");
		assertEquals(2, results.size(), results.toString());
		Delivery encrypted = results.get(0);
		assertEquals(Status.DELIVERED, encrypted.status(), encrypted.line());
		assertEquals(Channel.PEER, encrypted.channel());
		assertTrue(encrypted.encrypted());
		assertEquals("HERALD1 127.0.0.2 peer delivered encrypted (stored; key new)", encrypted.line());
		assertEquals("the secret plan", encryptedAtOne.messages().get(0).text());
		assertTrue(encryptedAtOne.messages().get(0).flags().contains(MessageFlag.ENCRYPTED));
		assertTrue(one.sink.messages().isEmpty(), "nothing plain reached HERALD1");

		Delivery legacy = results.get(1);
		assertEquals(Channel.LEGACY, legacy.channel());
		assertFalse(legacy.encrypted());
		assertEquals(Status.DELIVERED, legacy.status(), legacy.line());
		assertTrue(legacy.line().startsWith("HERALD2<03> 127.0.0.3 session delivered"), legacy.line());
		assertTrue(legacy.line().endsWith(" plain because legacy peer"), legacy.line());
		assertEquals("the secret plan", two.sink.messages().get(0).text());
		assertTrue(discovery.knownLegacy(ip("127.0.0.3"), peerOfOne.addresses().get(0).getPort()), "the legacy peer is remembered");
		assertFalse(discovery.knownLegacy(ip("127.0.0.2"), peerOfOne.addresses().get(0).getPort()));

		Delivery again = send(EncryptionPolicy.AUTO, PathChoice.AUTO, discovery, "second", "HERALD2").get(0);
		assertEquals(Channel.LEGACY, again.channel(), "a remembered legacy peer still gets it, plain");
		assertEquals("second", two.sink.messages().get(1).text());

		// a pinned name is a Herald peer: its port is tried though the address is remembered as legacy
		discovery.legacy(ip("127.0.0.2"), peerOfOne.addresses().get(0).getPort());
		Delivery pinned = send(EncryptionPolicy.AUTO, PathChoice.AUTO, discovery, "third", "HERALD1").get(0);
		assertTrue(pinned.encrypted(), pinned.line());
		assertEquals("third", encryptedAtOne.messages().get(1).text());
	}

	@Test
	void requireFailsTheLegacyPeerAndSendsItNothing() throws Exception {
		List<Delivery> results = send(EncryptionPolicy.REQUIRE, PathChoice.AUTO, fresh(), "only encrypted", "HERALD2", "HERALD1");
		Delivery refused = results.stream().filter(d -> d.recipient().equals("HERALD2")).findFirst().orElseThrow();
		assertEquals(Optional.of(FailureReason.NOT_A_PEER), refused.reason(), refused.line());
		assertTrue(refused.line().startsWith("HERALD2 127.0.0.3 peer failed not-a-peer (--encrypt=require: "), refused.line());
		assertTrue(two.sink.messages().isEmpty());
		assertTrue(results.stream().filter(d -> d.recipient().equals("HERALD1")).findFirst().orElseThrow().encrypted());
	}

	@Test
	void aChangedPinnedKeyIsRefusedAndNothingIsSent() throws Exception {
		Path elsewhere = Files.createDirectories(tmp.resolve("impostor"));
		PeerPins.in(senderWorkspace).check("HERALD1", IdentityKey.loadOrCreate(elsewhere).publicKey());
		Delivery d = send(EncryptionPolicy.AUTO, PathChoice.AUTO, fresh(), "for the real HERALD1", "HERALD1").get(0);
		assertEquals(Optional.of(FailureReason.KEY_CHANGED), d.reason(), d.line());
		assertEquals(Channel.PEER, d.channel());
		assertFalse(d.encrypted(), "nothing went out");
		assertTrue(d.line().startsWith("HERALD1 127.0.0.2 peer failed key-changed (refused because the pinned key changed: pinned "), d.line());
		assertTrue(encryptedAtOne.messages().isEmpty());
		assertTrue(one.sink.messages().isEmpty(), "no plain fallback for a changed key");
	}

	@Test
	void aChosenPathOrNeverGoesPlainWithoutTryingThePeerPort() throws Exception {
		Delivery session = send(EncryptionPolicy.AUTO, PathChoice.SESSION, fresh(), "plain by choice", "HERALD1").get(0);
		assertEquals(Channel.PLAIN, session.channel(), session.line());
		assertEquals(Status.DELIVERED, session.status());
		Delivery never = send(EncryptionPolicy.NEVER, PathChoice.AUTO, fresh(), "plain by policy", "HERALD1").get(0);
		assertEquals(Channel.PLAIN, never.channel(), never.line());
		assertEquals(List.of("plain by choice", "plain by policy"), one.sink.messages().stream().map(m -> m.text()).toList());
		assertTrue(encryptedAtOne.messages().isEmpty());
		assertFalse(Files.exists(senderWorkspace.resolve(IdentityKey.FILE_NAME)), "no key is created when no peer was spoken to");
	}

	@Test
	void theDiscoveryForgetsALegacyPeerAfterItsTime() {
		Instant[] now = { Instant.parse("2026-12-01T10:00:00Z") };
		Clock clock = new Clock() {
			@Override
			public Instant instant() {
				return now[0];
			}

			@Override
			public java.time.ZoneId getZone() {
				return ZoneOffset.UTC;
			}

			@Override
			public Clock withZone(java.time.ZoneId zone) {
				return this;
			}
		};
		PeerDiscovery discovery = new PeerDiscovery(clock, Duration.ofMinutes(5));
		Inet4Address host = ip("198.51.100.7");
		discovery.legacy(host, 1139);
		assertTrue(discovery.knownLegacy(host, 1139));
		assertFalse(discovery.knownLegacy(host, 1140), "per port");
		now[0] = now[0].plus(Duration.ofMinutes(5));
		assertFalse(discovery.knownLegacy(host, 1139), "forgotten after five minutes");
		discovery.legacy(host, 1139);
		discovery.peer(host, 1139);
		assertFalse(discovery.knownLegacy(host, 1139), "a peer that answers is no longer legacy");
	}
}
