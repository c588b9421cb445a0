/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.netbios.internal;

import static org.herald.netbios.internal.Loopback.host;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;

import org.herald.api.NetbiosName;
import org.herald.netbios.NameState;
import org.herald.netbios.NameTableEntry;
import org.herald.netbios.wire.EncodedName;
import org.herald.netbios.wire.NbAddress;
import org.herald.netbios.wire.NbAddresses;
import org.herald.netbios.wire.NbnsMessages;
import org.herald.netbios.wire.NbnsPacket;
import org.herald.netbios.wire.NbnsQuestion;
import org.herald.netbios.wire.NodeStatusData;
import org.herald.netbios.wire.NodeType;
import org.junit.jupiter.api.Test;

/** The answer decisions, without sockets. */
class RequestHandlerTest {

	private static final NetbiosName HERALD = new NetbiosName("HERALD", 0);
	private static final NetbiosName WG = new NetbiosName("WG", 0);
	private static final InetSocketAddress ASKER = new InetSocketAddress(host(9), 40000);
	private static final InetSocketAddress SELF = new InetSocketAddress(host(2), 137);

	private static RequestHandler.Context context(boolean viaBroadcast, NameState heraldState) {
		List<NameTableEntry> table = List.of(new NameTableEntry(HERALD, false, false, heraldState, Optional.empty()),
				new NameTableEntry(WG, true, false, NameState.ACTIVE, Optional.empty()));
		return new RequestHandler.Context(host(2), viaBroadcast, SELF, table, NodeType.B, 300, new byte[6]);
	}

	@Test
	void unicastQueryForAForeignNameGetsNamErrBroadcastGetsSilence() {
		NbnsPacket q = NbnsMessages.nameQuery(1, new NetbiosName("OTHER", 0), false, false);
		RequestHandler.Reply r = RequestHandler.handle(q, ASKER, context(false, NameState.ACTIVE)).orElseThrow();
		assertEquals(RequestHandler.Kind.NEGATIVE_ANSWER, r.kind());
		assertEquals(NbnsPacket.RCODE_NAM_ERR, r.packet().rcode());
		assertEquals(ASKER, r.to());
		assertTrue(RequestHandler.handle(q, ASKER, context(true, NameState.ACTIVE)).isEmpty());
		NbnsPacket b = NbnsMessages.nameQuery(1, new NetbiosName("OTHER", 0), true, false);
		assertTrue(RequestHandler.handle(b, ASKER, context(false, NameState.ACTIVE)).isEmpty());
	}

	@Test
	void aNameStillRegisteringOrInConflictIsNotAnswered() {
		NbnsPacket q = NbnsMessages.nameQuery(1, HERALD, true, false);
		assertTrue(RequestHandler.handle(q, ASKER, context(true, NameState.REGISTERING)).isEmpty());
		assertTrue(RequestHandler.handle(q, ASKER, context(true, NameState.CONFLICT)).isEmpty());
		RequestHandler.Reply r = RequestHandler.handle(q, ASKER, context(true, NameState.ACTIVE)).orElseThrow();
		assertEquals(NbAddresses.of(new NbAddress(false, NodeType.B, host(2))), r.packet().answer().data());
		assertEquals(300, r.packet().answer().ttl());
	}

	@Test
	void aScopedQueryIsNotForUs() {
		NbnsPacket q = new NbnsPacket(1, false, NbnsPacket.OP_QUERY, NbnsPacket.B, 0,
				List.of(new NbnsQuestion(new EncodedName(HERALD, "corp"), NbnsPacket.TYPE_NB, NbnsPacket.CLASS_IN)), List.of(),
				List.of(), List.of());
		assertTrue(RequestHandler.handle(q, ASKER, context(true, NameState.ACTIVE)).isEmpty());
	}

	@Test
	void nodeStatusMarksConflictAndRegistering() {
		NbnsPacket s = NbnsMessages.nodeStatusRequest(2, false);
		NodeStatusData d = (NodeStatusData) RequestHandler.handle(s, ASKER, context(false, NameState.CONFLICT)).orElseThrow()
				.packet().answer().data();
		assertTrue(d.names().get(0).conflict());
		d = (NodeStatusData) RequestHandler.handle(s, ASKER, context(false, NameState.REGISTERING)).orElseThrow().packet()
				.answer().data();
		assertTrue(!d.names().get(0).active());
		assertTrue(d.names().get(1).active() && d.names().get(1).group());
	}

	@Test
	void defendsUniqueNamesAndLetsOthersJoinTheGroup() {
		NbAddress theirs = new NbAddress(false, NodeType.B, host(9));
		NbnsPacket reg = NbnsMessages.registrationRequest(3, HERALD, 0, theirs, true);
		RequestHandler.Reply r = RequestHandler.handle(reg, ASKER, context(true, NameState.ACTIVE)).orElseThrow();
		assertEquals(RequestHandler.Kind.DEFENCE, r.kind());
		assertEquals(NbnsPacket.RCODE_ACT_ERR, r.packet().rcode());
		assertEquals(NbAddresses.of(theirs), r.packet().answer().data());

		NbnsPacket joinGroup = NbnsMessages.registrationRequest(4, WG, 0, new NbAddress(true, NodeType.B, host(9)), true);
		assertTrue(RequestHandler.handle(joinGroup, ASKER, context(true, NameState.ACTIVE)).isEmpty());
		NbnsPacket groupAsUnique = NbnsMessages.registrationRequest(5, WG, 0, theirs, true);
		assertEquals(RequestHandler.Kind.DEFENCE,
				RequestHandler.handle(groupAsUnique, ASKER, context(true, NameState.ACTIVE)).orElseThrow().kind());
	}

	@Test
	void ownBroadcastsAndUnicastRegistrationsAreNotAnswered() {
		NbnsPacket own = NbnsMessages.registrationRequest(6, HERALD, 0, new NbAddress(false, NodeType.B, host(2)), true);
		assertTrue(RequestHandler.handle(own, SELF, context(true, NameState.ACTIVE)).isEmpty());
		NbnsPacket unicast = NbnsMessages.registrationRequest(7, HERALD, 0, new NbAddress(false, NodeType.B, host(9)), false);
		assertTrue(RequestHandler.handle(unicast, ASKER, context(false, NameState.ACTIVE)).isEmpty(), "Herald is no WINS server");
	}
}
