/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import org.herald.api.Acceptance;
import org.herald.api.BindInterface;
import org.herald.api.Identity;
import org.herald.api.MessageFlag;
import org.herald.api.MessageSink;
import org.herald.api.ReceivedMessage;
import org.herald.api.StoredMessage;
import org.herald.peer.PeerClient.Outcome;
import org.herald.peer.PeerMessage.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The peer service and client over real sockets on 127.0.0.x, each side with a workspace of its own. */
class PeerServiceTest {

	private static final Duration DEADLINE = Duration.ofSeconds(30);

	@TempDir
	Path tmp;
	private final List<PeerService> services = new CopyOnWriteArrayList<>();

	/** A sink that stores in memory, numbering messages; or refuses all with a reason. */
	static final class ListSink implements MessageSink {
		final List<ReceivedMessage> stored = new CopyOnWriteArrayList<>();
		final AtomicLong ids = new AtomicLong();
		volatile Acceptance.Refusal refuse;

		@Override
		public Acceptance accept(ReceivedMessage message) {
			if (refuse != null) {
				return Acceptance.refused(refuse);
			}
			stored.add(message);
			return Acceptance.stored(new StoredMessage(ids.incrementAndGet(), message, false));
		}
	}

	static final class Warnings implements PeerService.Listener {
		final List<String> changed = new CopyOnWriteArrayList<>();
		final List<String> dropped = new CopyOnWriteArrayList<>();

		@Override
		public void keyChanged(String name, InetAddress from, Fingerprint pinned, Fingerprint presented) {
			changed.add(name);
		}

		@Override
		public void dropped(InetAddress from, String why) {
			dropped.add(why);
		}
	}

	record Host(Identity identity, IdentityKey key, PeerPins pins) {
		Inet4Address address() {
			return identity.interfaces().get(0).address();
		}
	}

	private Host host(String name, String ip, String workspace) throws IOException {
		Path dir = Files.createDirectories(tmp.resolve(workspace));
		Identity identity = new Identity(name, "WORKGROUP", List.of(BindInterface.parse(ip + "/8")), Optional.empty());
		return new Host(identity, IdentityKey.loadOrCreate(dir), PeerPins.in(dir));
	}

	private PeerService serve(Host h, MessageSink sink, PeerService.Listener listener, PeerService.Limits limits) throws IOException {
		PeerService s = PeerService.start(h.identity(), 0, h.key(), h.pins(), sink, listener, limits);
		services.add(s);
		return s;
	}

	private static PeerClient client(Host h, PeerService to) {
		return new PeerClient(h.identity(), h.key(), h.pins(), to.addresses().get(0).getPort(), Duration.ofSeconds(5), Duration.ofSeconds(30));
	}

	@AfterEach
	void stop() {
		services.forEach(PeerService::close);
	}

	@Test
	void encryptedMessagesBothWaysAreStoredEncryptedAndPinned() throws Exception {
		Host alice = host("ALICE", "127.0.0.2", "a");
		Host bob = host("BOB", "127.0.0.3", "b");
		ListSink aliceInbox = new ListSink();
		ListSink bobInbox = new ListSink();
		PeerService atAlice = serve(alice, aliceInbox, new Warnings(), PeerService.Limits.defaults());
		PeerService atBob = serve(bob, bobInbox, new Warnings(), PeerService.Limits.defaults());
		assertEquals(alice.address(), atAlice.addresses().get(0).getAddress(), "bound on the configured interface only");

		Outcome first = client(alice, atBob).send("bob", bob.address(), List.of("hello bob", "second line\nüñí"), true);
		Outcome.Answered answered = assertInstanceOf(Outcome.Answered.class, first);
		assertEquals(List.of(Status.STORED, Status.STORED), answered.answers().stream().map(PeerMessage.Answer::status).toList());
		assertEquals(PinStatus.NEW, answered.pin());
		assertEquals(bob.key().fingerprint(), answered.fingerprint());
		assertEquals(2, bobInbox.stored.size());
		ReceivedMessage m = bobInbox.stored.get(0);
		assertEquals("ALICE", m.senderName());
		assertEquals("BOB", m.recipientName());
		assertEquals("hello bob", m.text());
		assertEquals(Set.of(MessageFlag.ENCRYPTED, MessageFlag.URGENT), m.flags());
		assertEquals("second line\nüñí", bobInbox.stored.get(1).text());
		assertEquals(alice.key().publicKey(), bob.pins().get("ALICE").orElseThrow().key());

		Outcome back = client(bob, atAlice).send("ALICE", alice.address(), List.of("hello alice"), false);
		// Bob pinned Alice's key when she wrote to him: one key per host, either direction.
		assertEquals(PinStatus.MATCH, assertInstanceOf(Outcome.Answered.class, back).pin());
		assertEquals(Set.of(MessageFlag.ENCRYPTED), aliceInbox.stored.get(0).flags());

		Outcome again = client(alice, atBob).send("BOB", bob.address(), List.of("again"), false);
		assertEquals(PinStatus.MATCH, assertInstanceOf(Outcome.Answered.class, again).pin());
	}

	@Test
	void aMessageToAnAliasArrivesAddressedToItAndAnotherNameIsDropped() throws Exception {
		Host alice = host("ALICE", "127.0.0.2", "a");
		Host bob = host("BOB", "127.0.0.3", "b");
		ListSink bobInbox = new ListSink();
		Warnings warnings = new Warnings();
		// BOB's host also answers to CAROL (a user of the same multi-session host), asked per connection
		PeerService atBob = PeerService.start(bob.identity(), "CAROL"::equals, 0, bob.key(), bob.pins(), bobInbox, warnings,
				PeerService.Limits.defaults());
		services.add(atBob);
		Outcome.Answered a = assertInstanceOf(Outcome.Answered.class, client(alice, atBob).send("carol", bob.address(), List.of("for carol"), false));
		assertEquals(Status.STORED, a.answers().get(0).status());
		assertEquals(bob.key().fingerprint(), a.fingerprint());
		assertEquals("CAROL", bobInbox.stored.get(0).recipientName());

		Outcome other = client(alice, atBob).send("DAVE", bob.address(), List.of("for dave"), false);
		assertTrue(!(other instanceof Outcome.Answered), other.toString());
		await(() -> warnings.dropped.stream().anyMatch(w -> w.contains("addressed to DAVE")));
		assertEquals(1, bobInbox.stored.size());
	}

	@Test
	void aRefusalIsAnsweredWithItsReason() throws Exception {
		Host alice = host("ALICE", "127.0.0.2", "a");
		Host bob = host("BOB", "127.0.0.3", "b");
		ListSink bobInbox = new ListSink();
		bobInbox.refuse = Acceptance.Refusal.FLOOD_LIMIT;
		PeerService atBob = serve(bob, bobInbox, new Warnings(), PeerService.Limits.defaults());
		Outcome.Answered a = assertInstanceOf(Outcome.Answered.class, client(alice, atBob).send("BOB", bob.address(), List.of("x"), false));
		assertEquals("refused: flood limit", a.answers().get(0).toString());
		assertTrue(bobInbox.stored.isEmpty());
	}

	@Test
	void anImpostorOfAPinnedNameIsQuarantinedAndWarned() throws Exception {
		Host alice = host("ALICE", "127.0.0.2", "a");
		Host impostor = host("ALICE", "127.0.0.4", "mallory");
		Host bob = host("BOB", "127.0.0.3", "b");
		ListSink bobInbox = new ListSink();
		Warnings warnings = new Warnings();
		PeerService atBob = serve(bob, bobInbox, warnings, PeerService.Limits.defaults());
		assertInstanceOf(Outcome.Answered.class, client(alice, atBob).send("BOB", bob.address(), List.of("real"), false));

		Outcome.Answered a = assertInstanceOf(Outcome.Answered.class, client(impostor, atBob).send("BOB", bob.address(), List.of("fake"), false));
		assertEquals(Status.STORED, a.answers().get(0).status());
		ReceivedMessage fake = bobInbox.stored.get(1);
		assertEquals(Set.of(MessageFlag.ENCRYPTED, MessageFlag.QUARANTINED), fake.flags());
		assertEquals("?ALICE (key changed)", fake.senderName());
		assertEquals(List.of("ALICE"), warnings.changed);
		assertEquals(alice.key().publicKey(), bob.pins().get("ALICE").orElseThrow().key(), "the pin is unchanged");
	}

	@Test
	void aChangedResponderKeyStopsTheSenderBeforeAnyMessage() throws Exception {
		Host alice = host("ALICE", "127.0.0.2", "a");
		Host bob = host("BOB", "127.0.0.3", "b");
		Host otherBob = host("BOB", "127.0.0.5", "b2");
		alice.pins().check("BOB", bob.key().publicKey());
		ListSink inbox = new ListSink();
		PeerService atOther = serve(otherBob, inbox, new Warnings(), PeerService.Limits.defaults());
		Outcome.KeyChanged changed = assertInstanceOf(Outcome.KeyChanged.class,
				client(alice, atOther).send("BOB", otherBob.address(), List.of("secret"), false));
		assertEquals(bob.key().fingerprint(), changed.pinned());
		assertEquals(otherBob.key().fingerprint(), changed.presented());
		assertTrue(inbox.stored.isEmpty());
	}

	@Test
	void garbageIsDroppedAndCountedAndTheServiceCarriesOn() throws Exception {
		Host alice = host("ALICE", "127.0.0.2", "a");
		Host bob = host("BOB", "127.0.0.3", "b");
		ListSink inbox = new ListSink();
		Warnings warnings = new Warnings();
		PeerService atBob = serve(bob, inbox, warnings, PeerService.Limits.defaults());
		InetSocketAddress at = atBob.addresses().get(0);
		try (Socket s = new Socket()) {
			s.bind(new InetSocketAddress(alice.address(), 0));
			s.connect(at);
			OutputStream out = s.getOutputStream();
			out.write("GET / HTTP/1.0\r\n\r\n".getBytes());
			out.flush();
			assertEquals(-1, s.getInputStream().read(), "the service closes the connection");
		}
		await(() -> atBob.dropped() == 1);
		// A preamble and a handshake frame announcing more than 64 KiB.
		try (Socket s = new Socket()) {
			s.bind(new InetSocketAddress(alice.address(), 0));
			s.connect(at);
			OutputStream out = s.getOutputStream();
			out.write(new byte[] { 'H', 'R', 'L', 'D', 5, 'A', 'L', 'I', 'C', 'E', 3, 'B', 'O', 'B', 1, (byte) 0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF });
			out.flush();
			assertEquals(-1, s.getInputStream().read());
		}
		await(() -> atBob.dropped() == 2);
		assertInstanceOf(Outcome.Answered.class, client(alice, atBob).send("BOB", bob.address(), List.of("still here"), false));
		assertEquals(1, inbox.stored.size());
	}

	@Test
	void connectionsOverTheCapAreClosedAndAHandshakeTimesOut() throws Exception {
		Host alice = host("ALICE", "127.0.0.2", "a");
		Host bob = host("BOB", "127.0.0.3", "b");
		ListSink inbox = new ListSink();
		PeerService atBob = serve(bob, inbox, new Warnings(), new PeerService.Limits(Duration.ofSeconds(2), Duration.ofSeconds(60), 1));
		InetSocketAddress at = atBob.addresses().get(0);
		try (Socket silent = new Socket(); Socket second = new Socket()) {
			silent.bind(new InetSocketAddress(alice.address(), 0));
			silent.connect(at);
			silent.getOutputStream().write('H');
			second.bind(new InetSocketAddress(alice.address(), 0));
			second.connect(at);
			assertEquals(-1, second.getInputStream().read(), "over the cap: closed");
			assertEquals(1, atBob.overCap());
			assertEquals(-1, silent.getInputStream().read(), "the handshake timeout closes the silent one");
		}
		await(() -> atBob.dropped() == 1);
		assertInstanceOf(Outcome.Answered.class, client(alice, atBob).send("BOB", bob.address(), List.of("after"), false));
	}

	@Test
	void aHostWithoutTheServiceIsNotAPeer() throws Exception {
		Host alice = host("ALICE", "127.0.0.2", "a");
		Host bob = host("BOB", "127.0.0.3", "b");
		PeerService atBob = serve(bob, new ListSink(), new Warnings(), PeerService.Limits.defaults());
		int port = atBob.addresses().get(0).getPort();
		services.remove(atBob);
		atBob.close();
		PeerClient c = new PeerClient(alice.identity(), alice.key(), alice.pins(), port, Duration.ofSeconds(5), Duration.ofSeconds(5));
		assertInstanceOf(Outcome.NotAPeer.class, c.send("BOB", bob.address(), List.of("x"), false));
		assertTrue(!c.probe(bob.address()));
	}

	private static void await(BooleanSupplier condition) throws InterruptedException {
		Instant end = Instant.now().plus(DEADLINE);
		while (!condition.getAsBoolean()) {
			if (Instant.now().isAfter(end)) {
				throw new AssertionError("condition not met within " + DEADLINE);
			}
			Thread.onSpinWait();
			Thread.yield();
		}
	}
}
