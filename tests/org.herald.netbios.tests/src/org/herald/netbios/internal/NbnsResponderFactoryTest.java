/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.netbios.internal;

import static org.herald.netbios.internal.Loopback.host;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.herald.api.Identity;
import org.herald.api.NetbiosName;
import org.herald.netbios.NameEvent;
import org.herald.netbios.NameResponder;
import org.herald.netbios.NameState;
import org.herald.netbios.NameTableEntry;
import org.herald.netbios.QueryTarget;
import org.herald.netbios.ResponderOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The factory the DS runtime offers, on loopback (127.0.0.11-127.0.0.13, a random high port). */
class NbnsResponderFactoryTest {

	private final NbnsResponderFactory factory = new NbnsResponderFactory();
	private final BlockingQueue<NameEvent> events = new LinkedBlockingQueue<>();
	private int port;

	@AfterEach
	void stop() {
		factory.stopAll();
	}

	private NameResponder start(Identity identity) throws IOException {
		for (int attempt = 0;; attempt++) {
			port = Loopback.randomPort();
			try {
				return factory.start(identity, ResponderOptions.defaults().withPort(port), events::add);
			} catch (IOException e) {
				if (attempt > 5) {
					throw e;
				}
			}
		}
	}

	@Test
	void withoutMessengerHoldsNoMessengerName() throws Exception {
		Identity identity = Loopback.identity("NOMSG", "WG", 13, null);
		NameResponder r = null;
		for (int attempt = 0; r == null; attempt++) {
			port = Loopback.randomPort();
			try {
				r = factory.start(identity, ResponderOptions.defaults().withPort(port).withoutMessenger(), events::add);
			} catch (IOException e) {
				if (attempt > 5) {
					throw e;
				}
			}
		}
		r.registered().get(10, TimeUnit.SECONDS);
		assertEquals(List.of(new NetbiosName("NOMSG", 0), new NetbiosName("WG", 0)), r.names().stream().map(NameTableEntry::name).toList());
		try (NbnsClient c = new NbnsClient(Loopback.identity("ASKER", "WG", 12, null), Loopback.clientSettings(port))) {
			assertEquals(host(13), c.query(new NetbiosName("NOMSG", 0), new QueryTarget.Host(host(13))).get(0).address());
			assertEquals(List.of(), c.query(new NetbiosName("NOMSG", 3), new QueryTarget.Host(host(13))));
		}
	}

	@Test
	void startsAResponderThatAnswersUntilStopped() throws Exception {
		Identity identity = Loopback.identity("FACTORY", "WG", 11, null);
		NameResponder r = start(identity);
		assertTrue(r.running());
		assertEquals(identity, r.identity());
		assertEquals(List.of(r), factory.running());
		r.registered().get(10, TimeUnit.SECONDS);
		assertTrue(r.names().stream().allMatch(e -> e.state() == NameState.ACTIVE), r.names()::toString);
		// The listener given to start saw the registration of every name: none was missed.
		List<NetbiosName> registered = new java.util.ArrayList<>();
		for (NameEvent e; (e = events.poll()) != null;) {
			if (e.kind() == NameEvent.Kind.REGISTERED) {
				registered.add(e.name());
			}
		}
		assertEquals(r.names().stream().map(NameTableEntry::name).toList(), registered);

		try (NbnsClient c = new NbnsClient(Loopback.identity("ASKER", "WG", 12, null), Loopback.clientSettings(port))) {
			assertEquals(host(11), c.query(new NetbiosName("FACTORY", 3), new QueryTarget.Host(host(11))).get(0).address());
			var before = r.counters();
			assertTrue(before.received() >= 1 && before.answered() >= 1, before::toString);
			r.stop();
			assertTrue(r.counters().received() >= before.received(), "the counters outlive the sockets: " + r.counters());
			assertTrue(r.counters().answered() >= before.answered());
			assertFalse(r.running());
			assertEquals(List.of(), factory.running());
			assertTrue(r.names().stream().allMatch(e -> e.state() == NameState.RELEASED));
			assertTrue(c.query(new NetbiosName("FACTORY", 3), new QueryTarget.Host(host(11))).isEmpty(), "nobody answers after stop");
		}
		r.stop(); // idempotent
	}

	@Test
	void aResponderThatCannotBindIsNotRunningAndHoldsNothing() throws Exception {
		NameResponder first = start(Loopback.identity("FIRST", "WG", 13, null));
		IOException e = assertThrows(IOException.class,
				() -> factory.start(Loopback.identity("SECOND", "WG", 13, null), ResponderOptions.defaults().withPort(port)));
		assertTrue(e.getMessage().contains("127.0.0.13:" + port), e.getMessage());
		assertEquals(List.of(first), factory.running());
		assertThrows(IllegalArgumentException.class,
				() -> factory.start(new Identity("NOWHERE", "WG", List.of(), java.util.Optional.empty()), ResponderOptions.defaults()));
	}

	@Test
	void goingAwayStopsEveryResponderItStarted() throws Exception {
		NameResponder one = start(Loopback.identity("ONE", "WG", 11, null));
		NameResponder two = factory.start(Loopback.identity("TWO", "WG", 12, null), ResponderOptions.defaults().withPort(port));
		assertEquals(2, factory.running().size());
		factory.stopAll();
		assertFalse(one.running());
		assertFalse(two.running());
		assertEquals(List.of(), factory.running());
	}
}
