/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.netbios.internal;

import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.util.ArrayList;
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
import org.herald.netbios.wire.NbnsResourceRecord;
import org.herald.netbios.wire.NodeStatusData;
import org.herald.netbios.wire.NodeStatusEntry;
import org.herald.netbios.wire.NodeType;

/**
 * Decides the answer to a request that reached the responder: a pure function of the request, where
 * it came from, and the name table. No I/O.
 *
 * <ul>
 * <li>Name query (RFC 1002 4.2.12) for an active name: a positive answer with the address of the
 * interface it arrived on. For a name Herald does not hold: a negative answer (NAM_ERR) to a
 * unicast query, silence to a broadcast one (RFC 1001 15.1.3.4).</li>
 * <li>Node status (4.2.17) for {@code *} or a held name: every name with its flags.</li>
 * <li>A broadcast registration by another node of a name Herald holds (unique, or Herald's group
 * name registered as unique): a negative registration response with ACT_ERR (RFC 1001 15.2.2.2,
 * RFC 1002 4.2.6), as Samba answers.</li>
 * </ul>
 */
final class RequestHandler {

	enum Kind {
		POSITIVE_ANSWER, NEGATIVE_ANSWER, STATUS_ANSWER, DEFENCE
	}

	record Reply(Kind kind, NetbiosName name, NbnsPacket packet, InetSocketAddress to) {
	}

	/**
	 * @param local        the address of the interface the request arrived on
	 * @param viaBroadcast whether it arrived on the subnet broadcast socket
	 * @param self         Herald's own socket address on that interface (its own broadcasts come back)
	 * @param unitId       the 6-byte UNIT_ID for node status
	 */
	record Context(Inet4Address local, boolean viaBroadcast, InetSocketAddress self, List<NameTableEntry> table,
			NodeType nodeType, long ttl, byte[] unitId) {
	}

	private RequestHandler() {
	}

	static Optional<Reply> handle(NbnsPacket request, InetSocketAddress from, Context c) {
		if (request.response() || request.questions().size() != 1) {
			return Optional.empty();
		}
		NbnsQuestion q = request.question();
		if (request.opcode() == NbnsPacket.OP_QUERY && q.type() == NbnsPacket.TYPE_NB) {
			return nameQuery(request, from, c);
		}
		if (request.opcode() == NbnsPacket.OP_QUERY && q.type() == NbnsPacket.TYPE_NBSTAT) {
			return nodeStatus(request, from, c);
		}
		if (request.isRegistration() && request.broadcast() && !from.equals(c.self())) {
			return defence(request, from, c);
		}
		return Optional.empty();
	}

	private static Optional<NameTableEntry> held(EncodedName asked, Context c, NameState state) {
		if (!asked.scope().isEmpty()) {
			return Optional.empty();
		}
		return c.table().stream().filter(e -> e.name().equals(asked.name()) && e.state() == state).findFirst();
	}

	private static Optional<Reply> nameQuery(NbnsPacket request, InetSocketAddress from, Context c) {
		EncodedName asked = request.question().name();
		Optional<NameTableEntry> entry = held(asked, c, NameState.ACTIVE);
		if (entry.isPresent()) {
			NbAddress a = new NbAddress(entry.get().group(), c.nodeType(), c.local());
			return Optional.of(new Reply(Kind.POSITIVE_ANSWER, asked.name(), withScope(
					NbnsMessages.positiveQueryResponse(request.transactionId(), asked.name(), c.ttl(), List.of(a), false), asked),
					from));
		}
		if (request.broadcast() || c.viaBroadcast()) {
			return Optional.empty();
		}
		return Optional.of(new Reply(Kind.NEGATIVE_ANSWER, asked.name(), withScope(NbnsMessages.negativeQueryResponse(
				request.transactionId(), asked.name(), NbnsPacket.RCODE_NAM_ERR, false), asked), from));
	}

	/** The answer's record carries the name exactly as asked (with its scope). */
	private static NbnsPacket withScope(NbnsPacket p, EncodedName asked) {
		if (asked.scope().isEmpty()) {
			return p;
		}
		NbnsResourceRecord rr = p.answer();
		return new NbnsPacket(p.transactionId(), true, p.opcode(), p.nmFlags(), p.rcode(), List.of(),
				List.of(new NbnsResourceRecord(asked, rr.type(), rr.recordClass(), rr.ttl(), rr.data())), List.of(), List.of());
	}

	private static Optional<Reply> nodeStatus(NbnsPacket request, InetSocketAddress from, Context c) {
		EncodedName asked = request.question().name();
		if (!asked.name().isWildcard() && held(asked, c, NameState.ACTIVE).isEmpty()) {
			return Optional.empty();
		}
		List<NodeStatusEntry> names = new ArrayList<>();
		for (NameTableEntry e : c.table()) {
			NodeStatusEntry active = NodeStatusEntry.active(e.name(), e.group(), c.nodeType());
			switch (e.state()) {
				case ACTIVE -> names.add(active);
				// RFC 1002 4.2.18: CNF marks a name in conflict; a name still registering is not yet active.
				case CONFLICT -> names.add(new NodeStatusEntry(active.name(), active.suffix(), active.flags() | 0x0800));
				case REGISTERING -> names.add(new NodeStatusEntry(active.name(), active.suffix(), active.flags() & ~0x0400));
				case RELEASED -> {
					// not listed
				}
			}
		}
		if (names.size() > NodeStatusData.MAX_NAMES) {
			names = names.subList(0, NodeStatusData.MAX_NAMES);
		}
		return Optional.of(new Reply(Kind.STATUS_ANSWER, asked.name(),
				NbnsMessages.nodeStatusResponse(request.transactionId(), asked, NodeStatusData.of(names, c.unitId())), from));
	}

	private static Optional<Reply> defence(NbnsPacket request, InetSocketAddress from, Context c) {
		EncodedName asked = request.question().name();
		Optional<NameTableEntry> entry = held(asked, c, NameState.ACTIVE);
		NbnsResourceRecord rr = request.additional();
		if (entry.isEmpty() || rr == null || !(rr.data() instanceof NbAddresses nb) || nb.entries().isEmpty()) {
			return Optional.empty();
		}
		NbAddress theirs = nb.entries().get(0);
		if (entry.get().group() && theirs.group()) {
			return Optional.empty(); // anyone may join a group
		}
		return Optional.of(new Reply(Kind.DEFENCE, asked.name(), NbnsMessages.registrationResponse(request.transactionId(),
				asked.name(), NbnsPacket.RCODE_ACT_ERR, 0, theirs), from));
	}
}
