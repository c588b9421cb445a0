/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.netbios.internal;

import static org.herald.netbios.internal.Loopback.await;
import static org.herald.netbios.internal.Loopback.awaitEvent;
import static org.herald.netbios.internal.Loopback.host;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.DatagramPacket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.herald.api.Identity;
import org.herald.api.NetbiosName;
import org.herald.netbios.NameEvent;
import org.herald.netbios.NameRecord;
import org.herald.netbios.NameState;
import org.herald.netbios.NameTableEntry;
import org.herald.netbios.NodeStatus;
import org.herald.netbios.QueryTarget;
import org.herald.netbios.wire.NbnsCodec;
import org.herald.netbios.wire.NbnsMessages;
import org.herald.netbios.wire.NbnsPacket;
import org.herald.netbios.wire.NodeStatusEntry;
import org.herald.netbios.wire.NodeType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The responder and the client on loopback (127.0.0.2-127.0.0.9, broadcast 127.255.255.255, a random
 * high port): real sockets, B-node mode.
 */
class NbnsResponderTest {

	private final List<AutoCloseable> open = new ArrayList<>();
	private final BlockingQueue<NameEvent> events = new LinkedBlockingQueue<>();

	@AfterEach
	void closeAll() throws Exception {
		for (int i = open.size() - 1; i >= 0; i--) {
			open.get(i).close();
		}
	}

	/** Starts a responder for {@code identity}; with port 0 on a random free port. */
	private NbnsResponder responder(Identity identity, int port) throws Exception {
		for (int attempt = 0;; attempt++) {
			int p = port != 0 ? port : Loopback.randomPort();
			NbnsResponder r = new NbnsResponder(identity, Loopback.settings(p));
			r.addListener(events::add);
			try {
				r.start().get(10, TimeUnit.SECONDS);
				open.add(r);
				lastPort = p;
				return r;
			} catch (IOException e) {
				if (port != 0 || attempt > 5) {
					throw e;
				}
			}
		}
	}

	private int lastPort;

	private NbnsClient client(int host, int port) {
		NbnsClient c = new NbnsClient(Loopback.identity("ASKER", "WG", host, null), Loopback.clientSettings(port));
		open.add(c);
		return c;
	}

	@Test
	void registersUnopposedAndAnswersForItsNames() throws Exception {
		NbnsResponder r = responder(Loopback.identity("HERALD", "WG", 2, null), 0);
		assertEquals(List.of(NameState.ACTIVE, NameState.ACTIVE, NameState.ACTIVE), r.names().stream().map(NameTableEntry::state).toList());
		NbnsClient c = client(3, lastPort);

		List<NameRecord> unicast = c.query(new NetbiosName("HERALD", 0), new QueryTarget.Host(host(2)));
		assertEquals(1, unicast.size());
		assertEquals(host(2), unicast.get(0).address());
		assertEquals(NodeType.B, unicast.get(0).nodeType());
		assertFalse(unicast.get(0).group());
		assertEquals("127.0.0.2 HERALD<00>", unicast.get(0).toString());

		List<NameRecord> messenger = c.query(new NetbiosName("HERALD", 3), new QueryTarget.Broadcast(Loopback.BROADCAST));
		assertEquals(host(2), messenger.get(0).address());

		List<NameRecord> group = c.query(new NetbiosName("WG", 0), new QueryTarget.Host(host(2)));
		assertTrue(group.get(0).group());

		long before = r.counters().answered();
		assertTrue(c.query(new NetbiosName("NOSUCH", 0), new QueryTarget.Host(host(2))).isEmpty());
		// The unicast query for a name it does not hold got a negative answer, not silence.
		assertEquals(before + 1, r.counters().answered());
	}

	@Test
	void broadcastQueryForAnotherNameGetsNoAnswer() throws Exception {
		NbnsResponder r = responder(Loopback.identity("HERALD", "WG", 2, null), 0);
		NbnsClient c = client(3, lastPort);
		long before = r.counters().answered();
		assertTrue(c.query(new NetbiosName("NOSUCH", 0),
				new QueryTarget.Broadcast(Loopback.BROADCAST)).isEmpty());
		assertEquals(before, r.counters().answered());
		assertTrue(r.counters().received() >= 3, "the three broadcast tries arrived");
	}

	@Test
	void nodeStatusListsEveryNameWithFlags() throws Exception {
		responder(Loopback.identity("HERALD", "WG", 2, null), 0);
		NodeStatus s = client(3, lastPort).nodeStatus(host(2)).orElseThrow();
		assertEquals(List.of(NodeStatusEntry.active(new NetbiosName("HERALD", 0), false, NodeType.B),
				NodeStatusEntry.active(new NetbiosName("HERALD", 3), false, NodeType.B),
				NodeStatusEntry.active(new NetbiosName("WG", 0), true, NodeType.B)), s.names());
		assertEquals("00-00-00-00-00-00", s.macAddress());
	}

	@Test
	void defendsItsNameAgainstASecondNode() throws Exception {
		NbnsResponder first = responder(Loopback.identity("HERALD", "WG", 2, null), 0);
		NbnsResponder second = responder(Loopback.identity("HERALD", "WG", 3, null), lastPort);
		NameTableEntry clash = second.names().get(0);
		assertEquals(new NetbiosName("HERALD", 0), clash.name());
		assertEquals(NameState.CONFLICT, clash.state());
		assertEquals(host(2), clash.owner().orElseThrow());
		assertEquals(NameState.CONFLICT, second.names().get(1).state());
		// Both may hold the workgroup: it is a group name.
		assertEquals(NameState.ACTIVE, second.names().get(2).state());
		assertTrue(first.names().stream().allMatch(e -> e.state() == NameState.ACTIVE));
		assertTrue(first.counters().defended() >= 2);
		NameEvent refused = awaitEvent(events, e -> e.kind() == NameEvent.Kind.REFUSED);
		assertEquals(host(2), refused.peer().orElseThrow());
		assertTrue(refused.message().contains("127.0.0.2 owns HERALD<"), refused.message());
		// The second does not answer for the name it did not get.
		NbnsClient c = client(4, lastPort);
		List<NameRecord> found = c.query(new NetbiosName("HERALD", 0),
				new QueryTarget.Broadcast(Loopback.BROADCAST));
		assertEquals(List.of(host(2)), found.stream().map(NameRecord::address).toList());
		NodeStatus status = c.nodeStatus(host(3)).orElseThrow();
		assertTrue(status.names().get(0).conflict(), "node status marks the name in conflict");
	}

	@Test
	void groupNameHasManyOwnersAndABroadcastQueryFindsThemAll() throws Exception {
		responder(Loopback.identity("ONE", "WG", 2, null), 0);
		responder(Loopback.identity("TWO", "WG", 3, null), lastPort);
		List<NameRecord> found = client(4, lastPort).query(new NetbiosName("WG", 0),
				new QueryTarget.Broadcast(Loopback.BROADCAST));
		assertEquals(2, found.size(), found::toString);
		assertTrue(found.stream().allMatch(NameRecord::group));
	}

	@Test
	void malformedPacketsAreCountedAndTheResponderGoesOn() throws Exception {
		NbnsResponder r = responder(Loopback.identity("HERALD", "WG", 2, null), 0);
		try (Loopback.RawSocket raw = new Loopback.RawSocket(5)) {
			raw.send(new byte[] { 1, 2, 3 }, host(2), lastPort);
			raw.send(new byte[] { 0, 1, 0, 0, (byte) 0xff, (byte) 0xff, 0, 0, 0, 0, 0, 0, 0 }, host(2), lastPort);
			byte[] badName = new byte[32];
			badName[5] = 1; // one question, whose name is a run of 0x7f labels
			java.util.Arrays.fill(badName, 12, 32, (byte) 0x7f);
			raw.send(badName, Loopback.BROADCAST, lastPort);
			await("three malformed packets counted", () -> r.counters().malformed() == 3);
			byte[] query = NbnsCodec.encode(NbnsMessages.nameQuery(0x4242, new NetbiosName("HERALD", 3), false, false));
			raw.send(query, host(2), lastPort);
			DatagramPacket answer = raw.receive(Loopback.DEADLINE);
			assertNotNull(answer);
			NbnsPacket p = NbnsCodec.decode(answer.getData(), answer.getOffset(), answer.getLength());
			assertEquals(0x4242, p.transactionId());
			assertEquals(NbnsPacket.RCODE_OK, p.rcode());
			assertEquals(host(2), answer.getAddress(), "answers leave from the interface address");
		}
	}

	@Test
	void aliasesComeAndGo() throws Exception {
		NbnsResponder r = responder(Loopback.identity("HERALD", "WG", 2, null), 0);
		NbnsClient c = client(3, lastPort);
		NetbiosName buddy = new NetbiosName("BUDDY", 3);
		assertTrue(c.query(buddy, new QueryTarget.Host(host(2))).isEmpty());
		NameTableEntry added = r.addAlias(buddy).get(10, TimeUnit.SECONDS);
		assertEquals(NameState.ACTIVE, added.state());
		assertTrue(added.alias());
		assertEquals(host(2), c.query(buddy, new QueryTarget.Host(host(2))).get(0).address());
		assertEquals(4, c.nodeStatus(host(2)).orElseThrow().names().size());
		assertFalse(r.removeAlias(new NetbiosName("HERALD", 0)), "only aliases can be removed");
		assertTrue(r.removeAlias(buddy));
		awaitEvent(events, e -> e.kind() == NameEvent.Kind.RELEASED && e.name().equals(buddy));
		assertTrue(c.query(buddy, new QueryTarget.Host(host(2))).isEmpty());
		assertEquals(3, r.names().size());
	}

	@Test
	void claimsEachUnopposedNameWithAnOverwriteDemandAfterItsRequests() throws Exception {
		Identity identity = Loopback.identity("HERALD", "WG", 2, null);
		for (int attempt = 0;; attempt++) {
			int port = Loopback.randomPort();
			// Listen on the broadcast address like another node would, before Herald starts.
			try (java.net.DatagramSocket bcast = new java.net.DatagramSocket(null)) {
				bcast.setReuseAddress(true);
				bcast.bind(new java.net.InetSocketAddress(Loopback.BROADCAST, port));
				bcast.setSoTimeout((int) Loopback.DEADLINE.toMillis());
				NbnsResponder r = new NbnsResponder(identity, Loopback.settings(port));
				try {
					r.start();
				} catch (IOException e) {
					if (attempt > 5) {
						throw e;
					}
					continue;
				}
				open.add(r);
				java.util.Map<NetbiosName, List<NbnsPacket>> sent = new java.util.LinkedHashMap<>();
				int demands = 0;
				while (demands < 3) {
					DatagramPacket p = new DatagramPacket(new byte[1024], 1024);
					bcast.receive(p);
					NbnsPacket packet = NbnsCodec.decode(p.getData(), 0, p.getLength());
					if (packet.isRegistration()) {
						sent.computeIfAbsent(packet.question().netbiosName(), n -> new ArrayList<>()).add(packet);
						demands += packet.recursionDesired() ? 0 : 1;
					}
				}
				assertEquals(List.of(new NetbiosName("HERALD", 0), new NetbiosName("HERALD", 3), new NetbiosName("WG", 0)),
						List.copyOf(sent.keySet()));
				for (List<NbnsPacket> packets : sent.values()) {
					assertEquals(4, packets.size(), packets::toString);
					assertTrue(packets.subList(0, 3).stream().allMatch(NbnsPacket::recursionDesired), "three requests with RD");
					NbnsPacket demand = packets.get(3);
					assertTrue(demand.broadcast() && !demand.recursionDesired(), "then the overwrite demand, without RD");
					assertEquals(packets.get(2).transactionId(), demand.transactionId());
					assertEquals(packets.get(2).additional(), demand.additional());
				}
				r.registered().get(10, TimeUnit.SECONDS);
				assertTrue(r.names().stream().allMatch(e -> e.state() == NameState.ACTIVE));
				return;
			}
		}
	}

	/**
	 * Two interfaces: 127.0.0.2/8, whose subnet broadcast 127.255.255.255 is a real broadcast on lo (every
	 * socket bound there gets it), and 127.1.0.2/16, whose "broadcast" 127.1.255.255 is an ordinary local
	 * address on lo (only the last socket bound there gets it). So the test listens on the first subnet
	 * only; registration on both subnets, with a refusal on one, is tested in RegistrarTest.
	 */
	@Test
	void registersAndAnswersOnEachInterfaceWithThatInterfacesAddress() throws Exception {
		org.herald.api.BindInterface first = Loopback.iface(2);
		org.herald.api.BindInterface second = org.herald.api.BindInterface.parse("127.1.0.2/16");
		Identity twoHomed = new Identity("HERALD", "WG", List.of(first, second), java.util.Optional.empty());
		for (int attempt = 0;; attempt++) {
			int port = Loopback.randomPort();
			try (java.net.DatagramSocket onFirst = new java.net.DatagramSocket(null)) {
				onFirst.setReuseAddress(true);
				onFirst.bind(new java.net.InetSocketAddress(first.broadcast(), port));
				NbnsResponder r = new NbnsResponder(twoHomed, Loopback.settings(port));
				try {
					r.start().get(10, TimeUnit.SECONDS);
				} catch (IOException e) {
					if (attempt > 5) {
						throw e;
					}
					continue;
				}
				open.add(r);
				assertTrue(r.names().stream().allMatch(e -> e.state() == NameState.ACTIVE));
				// Registration has ended: everything it broadcast on the first subnet is queued already.
				onFirst.setSoTimeout(1);
				int claims = 0;
				for (DatagramPacket p = new DatagramPacket(new byte[1024], 1024);; p = new DatagramPacket(new byte[1024], 1024)) {
					try {
						onFirst.receive(p);
					} catch (java.net.SocketTimeoutException e) {
						break;
					}
					NbnsPacket packet = NbnsCodec.decode(p.getData(), 0, p.getLength());
					assertEquals(first.address(), p.getAddress(), "sent from the interface of that subnet");
					var claimed = ((org.herald.netbios.wire.NbAddresses) packet.additional().data()).entries().get(0);
					assertEquals(first.address(), claimed.address(), "only this interface's address goes to this subnet");
					claims += packet.recursionDesired() ? 0 : 1;
				}
				assertEquals(3, claims, "one overwrite demand per name on the first subnet");
				NetbiosName messenger = new NetbiosName("HERALD", 3);
				try (NbnsClient onA = new NbnsClient(Loopback.identity("ASKER", "WG", 3, null), Loopback.clientSettings(port));
						NbnsClient onB = new NbnsClient(new Identity("ASKER", "WG",
								List.of(org.herald.api.BindInterface.parse("127.1.0.3/16")), java.util.Optional.empty()),
								Loopback.clientSettings(port))) {
					assertEquals(List.of(first.address()), onA.query(messenger, new QueryTarget.Broadcast(first.broadcast())).stream()
							.map(NameRecord::address).toList());
					assertEquals(List.of(second.address()), onB.query(messenger, new QueryTarget.Broadcast(second.broadcast())).stream()
							.map(NameRecord::address).toList(), "the second subnet's broadcast is answered with the second address");
					assertEquals(List.of(second.address()), onA.query(messenger, new QueryTarget.Host(second.address())).stream()
							.map(NameRecord::address).toList(), "a unicast answer gives the address it was asked at");
					assertEquals(3, onB.nodeStatus(second.address()).orElseThrow().names().size());
				}
				return;
			}
		}
	}

	@Test
	void releasesByBroadcastWhenClosed() throws Exception {
		NbnsResponder r = responder(Loopback.identity("HERALD", "WG", 2, null), 0);
		int port = lastPort;
		// Listen on the broadcast address like another node would.
		try (java.net.DatagramSocket bcast = new java.net.DatagramSocket(null)) {
			bcast.setReuseAddress(true);
			bcast.bind(new java.net.InetSocketAddress(Loopback.BROADCAST, port));
			bcast.setSoTimeout((int) Loopback.DEADLINE.toMillis());
			r.close();
			List<NetbiosName> released = new ArrayList<>();
			while (released.size() < 3) {
				DatagramPacket p = new DatagramPacket(new byte[1024], 1024);
				bcast.receive(p);
				NbnsPacket packet = NbnsCodec.decode(p.getData(), 0, p.getLength());
				if (packet.opcode() == NbnsPacket.OP_RELEASE) {
					assertTrue(packet.broadcast());
					released.add(packet.question().netbiosName());
				}
			}
			assertEquals(List.of(new NetbiosName("HERALD", 0), new NetbiosName("HERALD", 3), new NetbiosName("WG", 0)), released);
		}
		assertTrue(r.names().stream().allMatch(e -> e.state() == NameState.RELEASED));
	}

	@Test
	void refusesToBindWithoutInterfacesOrOnTheWildcard() {
		assertThrows(IllegalArgumentException.class,
				() -> new NbnsResponder(new Identity("HERALD", "WG", List.of(), java.util.Optional.empty()), Loopback.settings(1137)));
		assertThrows(IllegalArgumentException.class, () -> new NbnsEndpoint(
				new java.net.InetSocketAddress(org.herald.api.BindInterface.parseIpv4("0.0.0.0"), 0), false, (p, f, v) -> {
				}, "x"));
	}

	@Test
	void aSecondResponderOnTheSameAddressFailsToStartAndSaysWhy() throws Exception {
		responder(Loopback.identity("HERALD", "WG", 2, null), 0);
		NbnsResponder clash = new NbnsResponder(Loopback.identity("OTHER", "WG", 2, null), Loopback.settings(lastPort));
		IOException e = assertThrows(IOException.class, clash::start);
		assertTrue(e.getMessage().contains("cannot bind UDP 127.0.0.2:" + lastPort), e.getMessage());
	}
}
