/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.internal;

import static org.herald.messenger.internal.Loopback.ip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.herald.api.NetbiosName;
import org.herald.api.cli.UsageException;
import org.herald.messenger.MessengerPorts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** send and listen as the CLI runs them, on loopback (receivers on 127.0.0.2, sender on 127.0.0.4). */
class CommandsTest {

	private MessengerPorts ports;
	private Loopback.Host host;
	private String portsArg;

	@BeforeEach
	void start() throws Exception {
		ports = Loopback.freePorts();
		portsArg = ports.session() + "," + ports.direct() + "," + ports.datagram();
		host = new Loopback.Host("HERALD1", "127.0.0.2", ports);
	}

	@AfterEach
	void stop() {
		host.close();
	}

	private int send(TestContext c, String... args) throws Exception {
		SendCommand cmd = new SendCommand(n -> n.equals(new NetbiosName("HERALD1", 3)) ? List.of(ip("127.0.0.2")) : List.of(),
				Loopback.DATAGRAMS);
		return cmd.run(c, List.of(args));
	}

	@Test
	void sendPrintsOneLinePerRecipientAndFailsIfAnyFailed() throws Exception {
		TestContext c = new TestContext(Loopback.identity("SENDER", "127.0.0.4"), "");
		int status = send(c, "--ports", portsArg, "HERALD1", "127.0.0.2", "Hello there");
		assertEquals(0, status, c.output());
		String[] lines = c.output().split("\n");
		// Nothing listens on the peer port of 127.0.0.2: a legacy peer, reached in plain text, and the line says so.
		assertEquals("HERALD1<03> 127.0.0.2 session delivered (via 139) plain because legacy peer", lines[0]);
		assertTrue(lines[1].startsWith("127.0.0.2 127.0.0.2 session delivered (via 445)"), lines[1]);
		assertEquals(2, host.sink.messages().size());
		assertEquals("SENDER", host.sink.messages().get(0).senderName());

		TestContext f = new TestContext(Loopback.identity("SENDER", "127.0.0.4"), "");
		assertEquals(1, send(f, "--ports", portsArg, "--session", "HERALD1", "NOBODY", "x"));
		assertTrue(f.output().contains("NOBODY<03> - - failed name-not-found"), f.output());
	}

	@Test
	void textFromStandardInput() throws Exception {
		TestContext c = new TestContext(Loopback.identity("SENDER", "127.0.0.4"), "first\nsecond\n");
		assertEquals(0, send(c, "--ports", portsArg, "--from", "Alice", "HERALD1"));
		assertEquals("first\nsecond", host.sink.messages().get(0).text());
		assertEquals("Alice", host.sink.messages().get(0).senderName());
	}

	@Test
	void domainAndMailslot() throws Exception {
		TestContext c = new TestContext(Loopback.identity("SENDER", "127.0.0.4"), "");
		assertEquals(0, send(c, "--ports", portsArg, "--domain", "to everyone"));
		assertTrue(c.output().startsWith("WG (workgroup) 127.255.255.255 mailslot sent-unconfirmed"), c.output());
		assertEquals("to everyone", host.sink.await(1, Duration.ofSeconds(10)).get(0).text());
	}

	@Test
	void usageErrors() {
		TestContext c = new TestContext(Loopback.identity("SENDER", "127.0.0.4"), "");
		assertThrows(UsageException.class, () -> send(c, "--session", "--mailslot", "A", "x"));
		assertThrows(UsageException.class, () -> send(c, "--bogus", "A", "x"));
		assertThrows(UsageException.class, () -> send(c, "A*B", "x"));
		assertThrows(UsageException.class, () -> send(c, "A"), "no text on stdin");
		assertThrows(UsageException.class, () -> send(c, "--ports", "1,2", "A", "x"));
		assertThrows(UsageException.class, () -> send(c, "--oem", "no-such-charset", "A", "x"));
	}

	@Test
	void listenPrintsMessagesAndStops() throws Exception {
		host.close(); // listen binds the same address and ports itself
		TestContext c = new TestContext(Loopback.identity("HERALD1", "127.0.0.2"), "");
		ListenCommand listen = new ListenCommand(null, null, null, new org.herald.netbios.datagram.internal.SharedDatagramService(),
				org.herald.messenger.CodePageStore.inMemory(org.herald.messenger.CodePages.standard()));
		CompletableFuture<Integer> running = CompletableFuture.supplyAsync(() -> {
			try {
				return listen.run(c, List.of("--ports", portsArg, "--peer-port", "0", "--count", "2"));
			} catch (Exception e) {
				throw new IllegalStateException(e);
			}
		});
		TestContext s = new TestContext(Loopback.identity("SENDER", "127.0.0.4"), "");
		// the receivers are up once the sender gets through; until then it is refused
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		int status;
		do {
			s = new TestContext(Loopback.identity("SENDER", "127.0.0.4"), "");
			status = send(s, "--ports", portsArg, "--session", "127.0.0.2", "one\ntwo");
		} while (status != 0 && System.nanoTime() < deadline);
		assertEquals(0, status, s.output());
		assertEquals(0, send(new TestContext(Loopback.identity("SENDER", "127.0.0.4"), ""), "--ports", portsArg, "HERALD1", "three"));
		assertEquals(0, running.get());
		String out = c.output();
		assertTrue(out.startsWith("listening as HERALD1<03> in WG on [127.0.0.2/8]"), out);
		assertTrue(out.contains("session from SENDER (127.0.0.4) to 127.0.0.2\n  one\n  two\n"), out);
		assertTrue(out.contains("  three\n"), out);
		assertTrue(out.contains("stopped: 2 stored"), out);
	}
}
