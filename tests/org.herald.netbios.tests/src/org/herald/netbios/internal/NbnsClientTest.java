/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.netbios.internal;

import static org.herald.netbios.internal.Loopback.host;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.herald.api.NetbiosName;
import org.herald.netbios.NameRecord;
import org.herald.netbios.QueryTarget;
import org.herald.netbios.wire.NbAddress;
import org.herald.netbios.wire.NbnsMessages;
import org.herald.netbios.wire.NbnsPacket;
import org.herald.netbios.wire.NodeType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The client against scripted peers on loopback: retries, duplicates, flags, negative answers. */
class NbnsClientTest {

	private static final NetbiosName SAMBA = new NetbiosName("SAMBA", 0);
	private ScriptedPeer peer;
	private NbnsClient client;

	@AfterEach
	void close() throws Exception {
		if (client != null) {
			client.close();
		}
		if (peer != null) {
			peer.close();
		}
	}

	private void start(java.util.function.Function<ScriptedPeer.Request, List<NbnsPacket>> script) throws Exception {
		start(false, script);
	}

	private void start(boolean broadcasts, java.util.function.Function<ScriptedPeer.Request, List<NbnsPacket>> script)
			throws Exception {
		for (int attempt = 0;; attempt++) {
			int port = Loopback.randomPort();
			try {
				peer = new ScriptedPeer(5, port, broadcasts, script);
				client = new NbnsClient(Loopback.identity("ASKER", "WG", 2, null), Loopback.clientSettings(port));
				return;
			} catch (java.net.BindException e) {
				if (attempt > 5) {
					throw e;
				}
			}
		}
	}

	private static NbnsPacket positive(NbnsPacket q) {
		return NbnsMessages.positiveQueryResponse(q.transactionId(), q.question().netbiosName(), 300,
				List.of(new NbAddress(false, NodeType.B, host(5))), true);
	}

	@Test
	void aDuplicateAnswerCountsOnce() throws Exception {
		// As nmbd can: two answers from one source to one broadcast query.
		start(true, r -> List.of(positive(r.packet()), positive(r.packet())));
		List<NameRecord> found = client.query(SAMBA, new QueryTarget.Broadcast(Loopback.BROADCAST));
		assertEquals(1, found.size());
		assertEquals(host(5), found.get(0).answeredBy());
		assertEquals(1, client.duplicates());
		assertEquals(1, peer.drain().size(), "a broadcast query that was answered is not repeated");
	}

	@Test
	void retriesWithTheSameTransactionIdUntilAnswered() throws Exception {
		AtomicInteger seen = new AtomicInteger();
		start(r -> seen.incrementAndGet() < 3 ? List.of() : List.of(positive(r.packet())));
		assertEquals(1, client.query(SAMBA, new QueryTarget.Host(host(5))).size());
		List<ScriptedPeer.Request> requests = peer.drain();
		assertEquals(3, requests.size());
		assertEquals(1, requests.stream().map(r -> r.packet().transactionId()).distinct().count());
		assertEquals(host(2), requests.get(0).from().getAddress(), "sent from the configured interface");
	}

	@Test
	void givesUpAfterTheConfiguredTries() throws Exception {
		start(r -> List.of());
		assertTrue(client.query(SAMBA, new QueryTarget.Host(host(5))).isEmpty());
		assertEquals(3, peer.drain().size());
	}

	@Test
	void aNegativeAnswerEndsAUnicastQuery() throws Exception {
		start(r -> List.of(NbnsMessages.negativeQueryResponse(r.packet().transactionId(), SAMBA, NbnsPacket.RCODE_NAM_ERR, true)));
		assertTrue(client.query(SAMBA, new QueryTarget.Wins(host(5))).isEmpty());
		assertEquals(1, peer.drain().size());
	}

	@Test
	void flagsFollowTheTarget() throws Exception {
		start(r -> List.of(positive(r.packet())));
		client.query(SAMBA, new QueryTarget.Wins(host(5)));
		NbnsPacket wins = peer.next(p -> true).packet();
		assertTrue(wins.recursionDesired());
		assertFalse(wins.broadcast());
		client.query(SAMBA, new QueryTarget.Host(host(5)));
		NbnsPacket direct = peer.next(p -> true).packet();
		assertFalse(direct.recursionDesired());
		assertFalse(direct.broadcast());
	}

	@Test
	void answersToAnotherTransactionOrNameAreIgnored() throws Exception {
		start(r -> List.of(
				NbnsMessages.positiveQueryResponse(r.packet().transactionId() ^ 1, SAMBA, 300,
						List.of(new NbAddress(false, NodeType.B, host(6))), true),
				NbnsMessages.positiveQueryResponse(r.packet().transactionId(), new NetbiosName("OTHER", 0), 300,
						List.of(new NbAddress(false, NodeType.B, host(7))), true)));
		assertTrue(client.query(SAMBA, new QueryTarget.Host(host(5))).isEmpty());
	}

	@Test
	void broadcastsOnlyToAConfiguredSubnet() throws Exception {
		start(r -> List.of());
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
				() -> client.query(SAMBA, new QueryTarget.Broadcast(org.herald.api.BindInterface.parseIpv4("198.51.100.255"))));
		assertTrue(e.getMessage().contains("not the broadcast address of a configured interface"));
		assertTrue(peer.drain().isEmpty());
	}

	@Test
	void followsTheIdentityOfTheMomentAndClosesTheSocketsOfDroppedInterfaces() throws Exception {
		start(r -> List.of(positive(r.packet())));
		client.close();
		var identity = new java.util.concurrent.atomic.AtomicReference<>(Loopback.identity("ASKER", "WG", 2, null));
		client = new NbnsClient(identity::get, Loopback.clientSettings(peer.port()));
		assertEquals(host(5), client.query(SAMBA, new QueryTarget.Host(host(5))).get(0).address());
		java.net.InetSocketAddress first = peer.drain().get(0).from();
		assertEquals(host(2), first.getAddress());

		identity.set(Loopback.identity("ASKER", "WG", 3, null));
		assertEquals(host(5), client.query(SAMBA, new QueryTarget.Host(host(5))).get(0).address());
		assertEquals(host(3), peer.drain().get(0).from().getAddress(), "asks from the interface configured now");
		try (java.net.DatagramSocket rebound = new java.net.DatagramSocket(first)) {
			assertEquals(first, rebound.getLocalSocketAddress(), "the socket on the dropped interface was closed");
		}
	}
}
