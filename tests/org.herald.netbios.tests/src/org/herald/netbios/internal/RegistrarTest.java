/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.netbios.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.herald.api.BindInterface;
import org.herald.api.Identity;
import org.herald.api.NetbiosName;
import org.herald.netbios.NameEvent;
import org.herald.netbios.NameState;
import org.herald.netbios.NameTableEntry;
import org.herald.netbios.wire.NbAddresses;
import org.herald.netbios.wire.NbnsMessages;
import org.herald.netbios.wire.NbnsPacket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * B-node registration on two subnets at once. Loopback has one real broadcast address only, so the
 * registrar sends through a recording {@link Registrar.Sender} here, and a defender's answer is
 * delivered the way the responder's reader thread delivers it. No packet leaves the test.
 */
class RegistrarTest {

	private static final BindInterface A = BindInterface.parse("198.51.100.2/25");
	private static final BindInterface B = BindInterface.parse("198.51.100.130/25");
	private static final Inet4Address DEFENDER = BindInterface.parseIpv4("198.51.100.140");
	private static final NetbiosName WORKSTATION = new NetbiosName("HERALD", 0);

	record Sent(BindInterface via, NbnsPacket packet, InetSocketAddress to) {
	}

	private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

	@AfterEach
	void stop() {
		scheduler.shutdownNow();
	}

	@Test
	void aNameRefusedOnOneSubnetIsClaimedOnNoneAndTheOthersOnEach() throws Exception {
		Identity twoHomed = new Identity("HERALD", "WG", List.of(A, B), Optional.empty());
		Transactions transactions = new Transactions();
		List<Sent> sent = Collections.synchronizedList(new ArrayList<>());
		// Another node on B's subnet owns HERALD<00> and refuses its registration (RFC 1002 5.1.1.5).
		Registrar.Sender network = (via, packet, to) -> {
			sent.add(new Sent(via, packet, to));
			if (via.equals(B) && packet.recursionDesired() && packet.question().netbiosName().equals(WORKSTATION)) {
				var theirs = ((NbAddresses) packet.additional().data()).entries().get(0);
				transactions.deliver(NbnsMessages.registrationResponse(packet.transactionId(), WORKSTATION, NbnsPacket.RCODE_ACT_ERR,
						0, theirs), new InetSocketAddress(DEFENDER, 137));
			}
		};
		NameTable table = NameTable.of(twoHomed);
		List<NameEvent> events = Collections.synchronizedList(new ArrayList<>());
		Registrar registrar = new Registrar(twoHomed, Loopback.settings(137), transactions, network, table, events::add, scheduler);

		registrar.register(table.snapshot());

		NameTableEntry workstation = table.get(WORKSTATION).orElseThrow();
		assertEquals(NameState.CONFLICT, workstation.state());
		assertEquals(Optional.of(DEFENDER), workstation.owner());
		assertEquals(List.of(NameState.CONFLICT, NameState.ACTIVE, NameState.ACTIVE), table.snapshot().stream().map(NameTableEntry::state).toList());

		Set<String> demands = new HashSet<>();
		int lastRequest = -1;
		int firstDemand = Integer.MAX_VALUE;
		for (int n = 0; n < sent.size(); n++) {
			Sent s = sent.get(n);
			assertEquals(new InetSocketAddress(s.via().broadcast(), 137), s.to(), "broadcast on the subnet of the interface sent from");
			assertEquals(s.via().address(), ((NbAddresses) s.packet().additional().data()).entries().get(0).address(),
					"each subnet is given the address of its own interface");
			if (s.packet().recursionDesired()) {
				lastRequest = n;
			} else {
				firstDemand = Math.min(firstDemand, n);
				demands.add(s.via().address().getHostAddress() + " " + s.packet().question().netbiosName());
			}
		}
		assertEquals(Set.of("198.51.100.2 HERALD<03>", "198.51.100.2 WG<00>", "198.51.100.130 HERALD<03>", "198.51.100.130 WG<00>"),
				demands, "no overwrite demand for HERALD<00>, not even on A where nobody objected");
		assertTrue(lastRequest < firstDemand, "the demands follow every request on every subnet");
		assertTrue(events.stream().anyMatch(e -> e.kind() == NameEvent.Kind.REFUSED && e.name().equals(WORKSTATION)
				&& e.peer().equals(Optional.of(DEFENDER))));
	}
}
