/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.netbios.wire;

import static org.herald.netbios.wire.NbnsPacket.AA;
import static org.herald.netbios.wire.NbnsPacket.B;
import static org.herald.netbios.wire.NbnsPacket.RA;
import static org.herald.netbios.wire.NbnsPacket.RD;

import java.util.List;

import org.herald.api.NetbiosName;

/**
 * Builds the name service packets of RFC 1002 sections 4.2.2 to 4.2.18, with the flags the RFC's
 * diagrams give (and Samba sends).
 */
public final class NbnsMessages {

	private NbnsMessages() {
	}

	private static NbnsPacket request(int id, int opcode, int flags, NbnsQuestion q, List<NbnsResourceRecord> additional) {
		return new NbnsPacket(id, false, opcode, flags, 0, List.of(q), List.of(), List.of(), additional);
	}

	private static NbnsPacket response(int id, int opcode, int flags, int rcode, NbnsResourceRecord answer) {
		return new NbnsPacket(id, true, opcode, flags, rcode, List.of(), List.of(answer), List.of(), List.of());
	}

	/**
	 * 4.2.12 NAME QUERY REQUEST.
	 *
	 * @param broadcast         a B-node query to the subnet (B flag)
	 * @param recursionDesired  RD, for a query to a name server (WINS consults its database only then)
	 */
	public static NbnsPacket nameQuery(int id, NetbiosName name, boolean broadcast, boolean recursionDesired) {
		return request(id, NbnsPacket.OP_QUERY, (broadcast ? B : 0) | (recursionDesired ? RD : 0),
				new NbnsQuestion(name, NbnsPacket.TYPE_NB), List.of());
	}

	/**
	 * 4.2.13 POSITIVE NAME QUERY RESPONSE.
	 *
	 * @param recursionAvailable RA: set by a name server (Samba's nmbd sets it on every answer)
	 */
	public static NbnsPacket positiveQueryResponse(int id, NetbiosName name, long ttl, List<NbAddress> addresses,
			boolean recursionAvailable) {
		return response(id, NbnsPacket.OP_QUERY, AA | RD | (recursionAvailable ? RA : 0), NbnsPacket.RCODE_OK,
				new NbnsResourceRecord(name, NbnsPacket.TYPE_NB, ttl, new NbAddresses(addresses)));
	}

	/** 4.2.14 NEGATIVE NAME QUERY RESPONSE: a NULL record, TTL 0, no data. */
	public static NbnsPacket negativeQueryResponse(int id, NetbiosName name, int rcode, boolean recursionAvailable) {
		return response(id, NbnsPacket.OP_QUERY, AA | RD | (recursionAvailable ? RA : 0), rcode,
				new NbnsResourceRecord(name, NbnsPacket.TYPE_NULL, 0, RawData.EMPTY));
	}

	/** 4.2.17 NODE STATUS REQUEST: the wildcard name, type NBSTAT. */
	public static NbnsPacket nodeStatusRequest(int id, boolean broadcast) {
		return request(id, NbnsPacket.OP_QUERY, broadcast ? B : 0, new NbnsQuestion(NetbiosName.WILDCARD, NbnsPacket.TYPE_NBSTAT),
				List.of());
	}

	/** 4.2.18 NODE STATUS RESPONSE, for the name the request asked about. */
	public static NbnsPacket nodeStatusResponse(int id, EncodedName askedName, NodeStatusData status) {
		return response(id, NbnsPacket.OP_QUERY, AA, NbnsPacket.RCODE_OK,
				new NbnsResourceRecord(askedName, NbnsPacket.TYPE_NBSTAT, NbnsPacket.CLASS_IN, 0, status));
	}

	private static NbnsPacket withAddress(int id, int opcode, int flags, NetbiosName name, long ttl, NbAddress address) {
		return request(id, opcode, flags, new NbnsQuestion(name, NbnsPacket.TYPE_NB),
				List.of(new NbnsResourceRecord(name, NbnsPacket.TYPE_NB, ttl, NbAddresses.of(address))));
	}

	/** 4.2.2 NAME REGISTRATION REQUEST (B flag when broadcast; RD always, as the RFC shows). */
	public static NbnsPacket registrationRequest(int id, NetbiosName name, long ttl, NbAddress address, boolean broadcast) {
		return withAddress(id, NbnsPacket.OP_REGISTRATION, RD | (broadcast ? B : 0), name, ttl, address);
	}

	/**
	 * 4.2.3 NAME OVERWRITE DEMAND: a broadcast registration request without RD. A B-node sends it once
	 * its registration went unopposed (RFC 1002 5.1.1.1, "broadcast NAME UPDATE REQUEST"; RFC 1001
	 * 15.2.1), so that every node learns the name is taken.
	 */
	public static NbnsPacket overwriteDemand(int id, NetbiosName name, long ttl, NbAddress address) {
		return withAddress(id, NbnsPacket.OP_REGISTRATION, B, name, ttl, address);
	}

	/** Multi-homed name registration (opcode 15), sent to a WINS server as Windows and Samba do for unique names. */
	public static NbnsPacket multihomedRegistrationRequest(int id, NetbiosName name, long ttl, NbAddress address) {
		return withAddress(id, NbnsPacket.OP_MULTIHOMED_REGISTRATION, RD, name, ttl, address);
	}

	/** 4.2.4 NAME REFRESH REQUEST (opcode 8). */
	public static NbnsPacket refreshRequest(int id, NetbiosName name, long ttl, NbAddress address, boolean broadcast) {
		return withAddress(id, NbnsPacket.OP_REFRESH, broadcast ? B : 0, name, ttl, address);
	}

	/** 4.2.9 NAME RELEASE REQUEST. The RFC leaves the TTL unused; Samba repeats the registration's. */
	public static NbnsPacket releaseRequest(int id, NetbiosName name, long ttl, NbAddress address, boolean broadcast) {
		return withAddress(id, NbnsPacket.OP_RELEASE, broadcast ? B : 0, name, ttl, address);
	}

	/**
	 * 4.2.5 POSITIVE and 4.2.6 NEGATIVE NAME REGISTRATION RESPONSE. A B-node defending its name
	 * answers with {@link NbnsPacket#RCODE_ACT_ERR}, TTL 0 and the registrant's own address, as
	 * Samba does.
	 */
	public static NbnsPacket registrationResponse(int id, NetbiosName name, int rcode, long ttl, NbAddress address) {
		return response(id, NbnsPacket.OP_REGISTRATION, AA | RD | RA, rcode,
				new NbnsResourceRecord(name, NbnsPacket.TYPE_NB, ttl, NbAddresses.of(address)));
	}

	/** 4.2.8 NAME CONFLICT DEMAND: a registration response with CFT_ERR, sent to an owner in conflict. */
	public static NbnsPacket conflictDemand(int id, NetbiosName name, NbAddress address) {
		return registrationResponse(id, name, NbnsPacket.RCODE_CFT_ERR, 0, address);
	}

	/** 4.2.10 POSITIVE and NEGATIVE NAME RELEASE RESPONSE. */
	public static NbnsPacket releaseResponse(int id, NetbiosName name, int rcode, NbAddress address) {
		return response(id, NbnsPacket.OP_RELEASE, AA, rcode,
				new NbnsResourceRecord(name, NbnsPacket.TYPE_NB, 0, NbAddresses.of(address)));
	}

	/**
	 * 4.2.16 WAIT FOR ACKNOWLEDGEMENT RESPONSE: the name server needs up to {@code ttl} seconds more;
	 * the RDATA echoes the request's header flags.
	 */
	public static NbnsPacket waitForAcknowledgement(NbnsPacket request, long ttl) {
		return response(request.transactionId(), NbnsPacket.OP_WACK, AA, NbnsPacket.RCODE_OK,
				new NbnsResourceRecord(request.question().name(), NbnsPacket.TYPE_NB, NbnsPacket.CLASS_IN, ttl,
						new WackData(request.headerFlags())));
	}
}
