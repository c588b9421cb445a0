/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.netbios.internal;

import static org.herald.netbios.internal.Loopback.awaitEvent;
import static org.herald.netbios.internal.Loopback.host;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.herald.api.NetbiosName;
import org.herald.netbios.NameEvent;
import org.herald.netbios.NameState;
import org.herald.netbios.wire.NbAddress;
import org.herald.netbios.wire.NbAddresses;
import org.herald.netbios.wire.NbnsMessages;
import org.herald.netbios.wire.NbnsPacket;
import org.herald.netbios.wire.NodeType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** H-node registration with a WINS server played by a scripted peer on 127.0.0.5 (Herald on 127.0.0.2). */
class NbnsWinsTest {

	private static final NetbiosName HERALD = new NetbiosName("HERALD", 0);
	private ScriptedPeer wins;
	private NbnsResponder responder;
	private final BlockingQueue<NameEvent> events = new LinkedBlockingQueue<>();

	@AfterEach
	void close() throws Exception {
		if (responder != null) {
			responder.close();
		}
		if (wins != null) {
			wins.close();
		}
	}

	private static NbnsPacket granted(NbnsPacket request, long ttl) {
		NbAddress a = ((NbAddresses) request.additional().data()).entries().get(0);
		return NbnsMessages.registrationResponse(request.transactionId(), request.question().netbiosName(), NbnsPacket.RCODE_OK,
				ttl, a);
	}

	private void start(Function<ScriptedPeer.Request, List<NbnsPacket>> script, long ttl) throws Exception {
		for (int attempt = 0;; attempt++) {
			int port = Loopback.randomPort();
			try {
				wins = new ScriptedPeer(5, port, script);
			} catch (java.net.BindException e) {
				if (attempt > 5) {
					throw e;
				}
				continue;
			}
			responder = new NbnsResponder(Loopback.identity("HERALD", "WG", 2, host(5)), Loopback.settings(port).withTtl(ttl));
			responder.addListener(events::add);
			responder.start().get(20, TimeUnit.SECONDS);
			return;
		}
	}

	@Test
	void registersEveryNameWithOpcodeFiveAndRecursionDesired() throws Exception {
		start(r -> List.of(granted(r.packet(), 600)), 600);
		NbnsPacket unique = wins.next(p -> p.question().netbiosName().equals(HERALD)).packet();
		assertEquals(NbnsPacket.OP_REGISTRATION, unique.opcode());
		assertTrue(unique.recursionDesired());
		assertFalse(unique.broadcast());
		assertEquals(600, unique.additional().ttl());
		assertEquals(NbAddresses.of(new NbAddress(false, NodeType.H, host(2))), unique.additional().data());
		NbnsPacket group = wins.next(p -> p.question().netbiosName().equals(new NetbiosName("WG", 0))).packet();
		assertEquals(NbnsPacket.OP_REGISTRATION, group.opcode());
		assertEquals(NbAddresses.of(new NbAddress(true, NodeType.H, host(2))), group.additional().data());
		assertTrue(responder.names().stream().allMatch(e -> e.state() == NameState.ACTIVE));
		NameEvent e = awaitEvent(events, x -> x.kind() == NameEvent.Kind.REGISTERED);
		assertTrue(e.message().contains("registered with WINS 127.0.0.5, TTL 600 s"), e.message());
	}

	@Test
	void waitsAfterAWackAndRegistersOnTheNextTry() throws Exception {
		AtomicInteger tries = new AtomicInteger();
		start(r -> {
			if (r.packet().question().netbiosName().equals(HERALD) && tries.incrementAndGet() == 1) {
				return List.of(NbnsMessages.waitForAcknowledgement(r.packet(), 1));
			}
			return List.of(granted(r.packet(), 600));
		}, 600);
		NameEvent waiting = awaitEvent(events, x -> x.kind() == NameEvent.Kind.WAITING);
		assertEquals(HERALD, waiting.name());
		awaitEvent(events, x -> x.kind() == NameEvent.Kind.REGISTERED && x.name().equals(HERALD));
		assertEquals(2, tries.get(), "no resend until the WACK's wait ran out, then one");
		assertEquals(NameState.ACTIVE, responder.names().get(0).state());
	}

	@Test
	void refreshesAtHalfTheGrantedTtl() throws Exception {
		// The server grants 2 s whatever was asked: Herald refreshes after 1 s, with opcode 8.
		start(r -> List.of(granted(r.packet(), 2)), 600);
		NbnsPacket refresh = wins.next(NbnsPacket::isRefresh).packet();
		assertEquals(NbnsPacket.OP_REFRESH, refresh.opcode());
		assertEquals(600, refresh.additional().ttl());
		awaitEvent(events, x -> x.kind() == NameEvent.Kind.REFRESHED);
		// And again, with the TTL the refresh granted.
		wins.next(NbnsPacket::isRefresh);
	}

	@Test
	void aRefusalIsReportedWithTheOwnerTheServerKnows() throws Exception {
		start(r -> {
			NbnsPacket p = r.packet();
			if (p.opcode() == NbnsPacket.OP_QUERY && p.recursionDesired()) {
				return List.of(NbnsMessages.positiveQueryResponse(p.transactionId(), p.question().netbiosName(), 600,
						List.of(new NbAddress(false, NodeType.H, host(7))), true));
			}
			if (p.question().netbiosName().equals(HERALD)) {
				NbAddress a = ((NbAddresses) p.additional().data()).entries().get(0);
				return List.of(NbnsMessages.registrationResponse(p.transactionId(), HERALD, NbnsPacket.RCODE_ACT_ERR, 0, a));
			}
			return List.of(granted(p, 600));
		}, 600);
		NameEvent refused = awaitEvent(events, x -> x.kind() == NameEvent.Kind.REFUSED);
		assertEquals(HERALD, refused.name());
		assertEquals(host(7), refused.peer().orElseThrow());
		assertTrue(refused.message().contains("ACT_ERR") && refused.message().contains("127.0.0.7 holds HERALD<00>"),
				refused.message());
		assertEquals(NameState.CONFLICT, responder.names().get(0).state());
		assertEquals(NameState.ACTIVE, responder.names().get(1).state());
	}

	@Test
	void releasesWithTheServerWhenClosed() throws Exception {
		start(r -> r.packet().opcode() == NbnsPacket.OP_RELEASE
				? List.of(NbnsMessages.releaseResponse(r.packet().transactionId(), r.packet().question().netbiosName(),
						NbnsPacket.RCODE_OK, ((NbAddresses) r.packet().additional().data()).entries().get(0)))
				: List.of(granted(r.packet(), 600)), 600);
		wins.drain();
		responder.close();
		List<ScriptedPeer.Request> releases = wins.drain().stream().filter(r -> r.packet().opcode() == NbnsPacket.OP_RELEASE)
				.toList();
		assertEquals(3, releases.size());
		assertTrue(releases.stream().noneMatch(r -> r.packet().broadcast()));
		assertTrue(responder.names().stream().allMatch(e -> e.state() == NameState.RELEASED));
	}

	@Test
	void anUnansweringServerLeavesTheNamesToBroadcast() throws Exception {
		start(r -> List.of(), 600);
		NameEvent e = awaitEvent(events, x -> x.kind() == NameEvent.Kind.UNANSWERED);
		assertTrue(e.message().contains("registering by broadcast"), e.message());
		assertTrue(responder.names().stream().allMatch(x -> x.state() == NameState.ACTIVE));
	}

	@Test
	void aConflictDemandTakesTheNameOutOfService() throws Exception {
		start(r -> List.of(granted(r.packet(), 600)), 600);
		wins.send(NbnsMessages.conflictDemand(0x7777, HERALD, new NbAddress(false, NodeType.H, host(2))),
				new java.net.InetSocketAddress(host(2), wins.drain().get(0).from().getPort()));
		NameEvent e = awaitEvent(events, x -> x.kind() == NameEvent.Kind.CONFLICT);
		assertEquals(HERALD, e.name());
		assertEquals(NameState.CONFLICT, responder.names().get(0).state());
	}
}
