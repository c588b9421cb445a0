/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.internal;

import static org.herald.messenger.internal.Loopback.ip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import org.herald.api.Identity;
import org.herald.api.NetbiosName;
import org.herald.api.cli.UsageException;
import org.herald.inbox.Inbox;
import org.herald.inbox.InboxQuery;
import org.herald.inbox.InboxService;
import org.herald.messenger.CodePageStore;
import org.herald.messenger.CodePages;
import org.herald.messenger.Delivery;
import org.herald.messenger.MessengerPorts;
import org.herald.messenger.OutgoingMessage;
import org.herald.messenger.PathChoice;
import org.herald.messenger.Recipient;
import org.herald.messenger.wire.MessageCharset;
import org.herald.netbios.NameResponder;
import org.herald.netbios.NameResponderFactory;
import org.herald.netbios.ResponderOptions;
import org.herald.netbios.datagram.internal.SharedDatagramService;
import org.herald.netbios.wire.NbnsCodec;
import org.herald.netbios.wire.NbnsMessages;
import org.herald.netbios.wire.NbnsPacket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * {@code herald listen} with aliases and users, on real sockets: the listener (its name responder
 * on a free name-service port, its receivers on free ports) on 127.0.0.2/8, a node that holds the
 * name TAKEN on 127.0.0.3/8 (same name-service port), Herald's sender on 127.0.0.4 and name queries
 * from 127.0.0.5; registrations are broadcast to 127.255.255.255 on lo. The real inbox service
 * stores into three temporary workspaces: the host's, ALICE's and BOB's. Nothing leaves 127.0.0.0/8.
 */
class AliasListenTest {

	private static final Duration LIMIT = Duration.ofSeconds(60);
	private static final Identity HOST = Loopback.identity("HOSTA", "127.0.0.2");
	private static final Identity SENDER = Loopback.identity("SENDER", "127.0.0.4");

	@TempDir
	Path temp;

	@Test
	void aliasesAndUsersAreRegisteredRoutedIntoTheirOwnInboxFollowedAtRunTimeAndReleased() throws Exception {
		InboxService inboxes = service(InboxService.class);
		NameResponderFactory responders = service(NameResponderFactory.class);
		Path hostWs = Files.createDirectories(temp.resolve("host"));
		Path alice = temp.resolve("alice");
		Path bob = temp.resolve("bob");
		int namePort = Loopback.freePort();
		MessengerPorts ports = Loopback.freePorts();
		ResponderOptions options = ResponderOptions.defaults().withPort(namePort);
		// BOB is kept in the host's workspace (herald alias add), ALICE and EXTRA given for this run
		AliasCommand alias = new AliasCommand();
		TestContext adding = new TestContext(HOST, "", hostWs);
		assertEquals(0, alias.run(adding, List.of("add", "bob", "--workspace", bob.toString())), adding.output());
		assertEquals(List.of(new Aliases.Alias("BOB", Optional.of(bob))), Aliases.in(hostWs).all());

		NameResponder owner = responders.start(Loopback.identity("TAKEN", "127.0.0.3"), options);
		try {
			owner.registered().get(60, TimeUnit.SECONDS);
			TestContext c = new TestContext(HOST, "", hostWs);
			ListenCommand listen = new ListenCommand(null, responders, inboxes, new SharedDatagramService(),
					CodePageStore.inMemory(CodePages.standard()));
			String portsArg = ports.session() + "," + ports.direct() + "," + ports.datagram();
			CompletableFuture<Integer> running = CompletableFuture.supplyAsync(() -> {
				try {
					return listen.run(c, List.of("--ports", portsArg, "--name-port", Integer.toString(namePort), "--peer-port", "0", "--alias",
							"extra", "--alias", "TAKEN", "--user", "ALICE=" + alice));
				} catch (Exception e) {
					throw new IllegalStateException(e);
				}
			});
			waitFor(() -> c.output().contains("alias EXTRA<03>: active") && c.output().contains("alias ALICE<03>: active")
					&& c.output().contains("alias BOB<03>: active") && c.output().contains("alias TAKEN<03> not registered"), c::output);
			assertTrue(c.output().contains("alias TAKEN<03> not registered: 127.0.0.3 holds it; messages to TAKEN are not received here"),
					c.output());
			assertTrue(c.output().contains("alias ALICE<03>: active; messages to ALICE go to the inbox of " + alice), c.output());
			assertEquals(NbnsPacket.RCODE_OK, query("EXTRA", namePort));
			assertEquals(NbnsPacket.RCODE_OK, query("ALICE", namePort));

			Map<String, Delivery.Status> sent = send(ports, "ALICE", "BOB", "EXTRA", "HOSTA", "NOBODY", "TAKEN");
			assertEquals(Map.of("ALICE", Delivery.Status.DELIVERED, "BOB", Delivery.Status.DELIVERED, "EXTRA", Delivery.Status.DELIVERED,
					"HOSTA", Delivery.Status.DELIVERED, "NOBODY", Delivery.Status.FAILED, "TAKEN", Delivery.Status.FAILED), sent);
			assertEquals(List.of("ALICE"), recipients(inboxes.open(alice, HOST)));
			assertEquals(List.of("BOB"), recipients(inboxes.open(bob, HOST)));
			assertEquals(List.of("EXTRA", "HOSTA"), recipients(inboxes.open(hostWs, HOST)));

			// herald alias add / remove act on the running listener (NET NAME /ADD, /DELETE)
			TestContext later = new TestContext(HOST, "", hostWs);
			assertEquals(0, alias.run(later, List.of("add", "LATER")), later.output());
			waitFor(() -> c.output().contains("alias LATER<03>: active"), c::output);
			assertEquals(NbnsPacket.RCODE_OK, query("LATER", namePort));
			assertEquals(Map.of("LATER", Delivery.Status.DELIVERED), send(ports, "LATER"));
			assertEquals(0, alias.run(later, List.of("remove", "later")), later.output());
			waitFor(() -> c.output().contains("alias LATER<03>: released"), c::output);
			assertEquals(NbnsPacket.RCODE_NAM_ERR, query("LATER", namePort));
			assertEquals(Map.of("LATER", Delivery.Status.FAILED), send(ports, "LATER"));
			assertEquals(List.of("EXTRA", "HOSTA", "LATER"), recipients(inboxes.open(hostWs, HOST)));

			// a user whose inbox cannot be opened (its workspace would be under a regular file, which no
			// one, not even root, can create): the name is registered with a warning, a message to it is
			// refused with an error the sender sees and the listener prints, and stored nowhere
			Path notADirectory = Files.writeString(temp.resolve("plain-file"), "x");
			Path carol = notADirectory.resolve("carol");
			assertEquals(0, alias.run(later, List.of("add", "CAROL", "--workspace", carol.toString())), later.output());
			waitFor(() -> c.output().contains("alias CAROL<03>: active"), c::output);
			assertTrue(c.output().contains("WARNING: alias CAROL<03>: the inbox of " + carol + " cannot be opened"), c.output());
			assertEquals(Map.of("CAROL", Delivery.Status.FAILED), send(ports, "CAROL"));
			waitFor(() -> c.output().contains("NOT STORED session from"), c::output);
			assertTrue(c.output().contains(") to CAROL: the inbox of CAROL in " + carol + " cannot be opened"), c.output());
			assertEquals(List.of("ALICE"), recipients(inboxes.open(alice, HOST)));
			assertEquals(List.of("BOB"), recipients(inboxes.open(bob, HOST)));
			assertEquals(List.of("EXTRA", "HOSTA", "LATER"), recipients(inboxes.open(hostWs, HOST)));
			assertEquals(0, alias.run(later, List.of("remove", "CAROL")), later.output());
			waitFor(() -> c.output().contains("alias CAROL<03>: released"), c::output);

			c.stop = true;
			assertEquals(0, running.get(60, TimeUnit.SECONDS));
			String out = c.output();
			for (String released : List.of("EXTRA", "ALICE", "BOB", "HOSTA")) {
				assertTrue(out.contains("name: RELEASED " + released + "<03>"), out);
			}
			assertFalse(out.contains("name: RELEASED TAKEN<03>"), "a name in conflict is not ours to release: " + out);
			assertTrue(out.contains("stopped: 5 stored, 0 refused by the spam policy, 1 not stored (store failed)"), out);
		} finally {
			owner.stop();
		}
	}

	@Test
	void badAliasesAndUsersAreUsageErrors() throws Exception {
		TestContext c = new TestContext(HOST, "", temp);
		ListenCommand listen = new ListenCommand(null, null, null, new SharedDatagramService(), CodePageStore.inMemory(CodePages.standard()));
		assertThrows(UsageException.class, () -> listen.run(c, List.of("--alias", "A*B")));
		assertThrows(UsageException.class, () -> listen.run(c, List.of("--user", "ALICE")));
		assertThrows(UsageException.class, () -> listen.run(c, List.of("--user", "ALICE=relative/dir")));
		AliasCommand alias = new AliasCommand();
		assertThrows(UsageException.class, () -> alias.run(c, List.of("add", "THIS-NAME-IS-TOO-LONG")));
		assertThrows(UsageException.class, () -> alias.run(c, List.of("add", "HOSTA")), "the host's own name");
		assertThrows(UsageException.class, () -> alias.run(c, List.of("remove", "X", "--workspace", "/tmp")));
		assertEquals(1, alias.run(c, List.of("remove", "NOSUCH")));
		Files.writeString(temp.resolve(Aliases.FILE), "GOOD\nBAD*NAME\n");
		IOException e = assertThrows(IOException.class, () -> Aliases.in(temp).all());
		assertTrue(e.getMessage().contains("line 2"), e.getMessage());
	}

	/** Herald's sender on 127.0.0.4: each name, resolved to 127.0.0.2, on the session path. */
	private static Map<String, Delivery.Status> send(MessengerPorts ports, String... names) throws InterruptedException {
		MessengerSender sender = new MessengerSender(SENDER, name -> List.of(ip("127.0.0.2")), ports, PeerCharsets.fixed(MessageCharset.defaultOem()),
				Duration.ofSeconds(10), Duration.ofSeconds(20), 4, Loopback.DATAGRAMS);
		List<Recipient> to = java.util.Arrays.stream(names).map(Recipient::parse).toList();
		return sender.send(new OutgoingMessage("ADMIN", to, "for you", PathChoice.SESSION)).stream()
				.collect(Collectors.toMap(d -> d.recipient().replace("<03>", ""), Delivery::status));
	}

	private static List<String> recipients(Inbox inbox) throws IOException {
		return inbox.page(InboxQuery.all()).messages().stream().map(m -> m.message().recipientName()).sorted().toList();
	}

	/** A unicast name query for NAME&lt;03&gt; from 127.0.0.5 to the listener: the answer's rcode. */
	private static int query(String name, int port) throws Exception {
		try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(ip("127.0.0.5"), 0))) {
			s.setSoTimeout(5000);
			int id = java.util.concurrent.ThreadLocalRandom.current().nextInt(1, 0x7FFF);
			byte[] q = NbnsCodec.encode(NbnsMessages.nameQuery(id, new NetbiosName(name, NetbiosName.MESSENGER), false, false));
			for (int attempt = 0; attempt < 6; attempt++) {
				s.send(new DatagramPacket(q, q.length, new InetSocketAddress(ip("127.0.0.2"), port)));
				byte[] buf = new byte[1024];
				DatagramPacket p = new DatagramPacket(buf, buf.length);
				try {
					while (true) {
						s.receive(p);
						NbnsPacket a = NbnsCodec.decode(buf, 0, p.getLength());
						if (a.response() && a.transactionId() == id) {
							return a.rcode();
						}
					}
				} catch (java.net.SocketTimeoutException e) {
					// lost on a busy machine: ask again
				}
			}
			throw new AssertionError("no answer to a query for " + name);
		}
	}

	private static void waitFor(BooleanSupplier condition, java.util.function.Supplier<String> what) {
		Loopback.await(condition, LIMIT, what);
	}

	private static <T> T service(Class<T> type) throws InterruptedException {
		BundleContext bc = FrameworkUtil.getBundle(AliasListenTest.class).getBundleContext();
		ServiceTracker<T, T> tracker = new ServiceTracker<>(bc, type, null);
		tracker.open();
		T s = tracker.waitForService(30_000);
		if (s == null) {
			throw new AssertionError("no " + type.getSimpleName() + " registered within 30 s");
		}
		return s;
	}
}
