/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.netbios.wire;

import java.util.HexFormat;

/**
 * NBNS frames (UDP payloads) sent by Samba 4.17.12 (nmbd, nmblookup), captured with tshark on the
 * bridge of a private test network by releng/interop/capture-nbns.sh. Hosts: 198.51.100.1 nmbd
 * WINSSRV (WINS server), .2 nmbd WINSCLI (its WINS client), .3 and .4 nmbd both named BNODE
 * (B-nodes), .5 nmblookup. Workgroup CAPWG.
 */
final class SambaFrames {

	private SambaFrames() {
	}

	static byte[] hex(String s) {
		return HexFormat.of().parseHex(s.replaceAll("\\s", ""));
	}

	/** nmblookup -U 198.51.100.1 WINSSRV#00: query without RD. */
	static final byte[] QUERY = hex("""
			31a2 0000 0001 0000 0000 0000
			20 4648454a454f4644464446434647434143414341434143414341434143414141 00 0020 0001""");

	/** nmbd's answer to it: AA RD RA, TTL 259200, H-node 198.51.100.1. */
	static final byte[] QUERY_RESPONSE = hex("""
			31a2 8580 0000 0001 0000 0000
			20 4648454a454f4644464446434647434143414341434143414341434143414141 00 0020 0001
			0003f480 0006 6000 c6336401""");

	/** nmbd's answer to a query for NOSUCH<00>: rcode 3 (NAM_ERR), a NULL record. */
	static final byte[] NEGATIVE_QUERY_RESPONSE = hex("""
			1b20 8583 0000 0001 0000 0000
			20 454f455046444646454445494341434143414341434143414341434143414141 00 000a 0001
			000000000000""");

	/** nmbd on .3 registering BNODE<20> by broadcast: opcode 5, RD, B, TTL 0, B-node. */
	static final byte[] BROADCAST_REGISTRATION = hex("""
			5319 2910 0001 0000 0000 0001
			20 4543454f45504545454643414341434143414341434143414341434143414341 00 0020 0001
			c00c 0020 0001 00000000 0006 0000 c6336403""");

	/** nmbd on .2 registering WINSCLI<20> with its WINS server: multi-homed (opcode 15), RD, H-node. */
	static final byte[] MULTIHOMED_REGISTRATION = hex("""
			532a 7900 0001 0000 0000 0001
			20 4648454a454f46444544454d454a434143414341434143414341434143414341 00 0020 0001
			c00c 0020 0001 0003f480 0006 6000 c6336402""");

	/** The WINS server's positive registration response to it. */
	static final byte[] REGISTRATION_RESPONSE = hex("""
			532a ad80 0000 0001 0000 0000
			20 4648454a454f46444544454d454a434143414341434143414341434143414341 00 0020 0001
			0003f480 0006 6000 c6336402""");

	/** Group registration of CAPWG<00> with the WINS server: opcode 5, RD, group H-node. */
	static final byte[] GROUP_REGISTRATION = hex("""
			532d 2900 0001 0000 0000 0001
			20 4544454246414648454843414341434143414341434143414341434143414141 00 0020 0001
			c00c 0020 0001 0003f480 0006 e000 c6336402""");

	/** nmbd on .3 defending BNODE<20> against .4: rcode 6 (ACT_ERR), TTL 0, the registrant's address. */
	static final byte[] NEGATIVE_REGISTRATION_RESPONSE = hex("""
			5333 ad86 0000 0001 0000 0000
			20 4543454f45504545454643414341434143414341434143414341434143414341 00 0020 0001
			00000000 0006 0000 c6336404""");

	/** nmblookup -A 198.51.100.3: node status request. */
	static final byte[] NODE_STATUS_REQUEST = hex("""
			27b9 0000 0001 0000 0000 0000
			20 434b414141414141414141414141414141414141414141414141414141414141 00 0021 0001""");

	/** nmbd's node status response: five names, B-node, active, then 46 bytes of statistics (zeros). */
	static final byte[] NODE_STATUS_RESPONSE = hex("""
			27b9 8400 0000 0001 0000 0000
			20 434b414141414141414141414141414141414141414141414141414141414141 00 0021 0001
			00000000 0089
			05
			424e4f44452020202020202020202000 0400
			424e4f44452020202020202020202003 0400
			424e4f44452020202020202020202020 0400
			43415057472020202020202020202000 8400
			4341505747202020202020202020201e 8400
			000000000000 0000 0000 0000 0000 0000 0000 0000 00000000 00000000
			0000 0000 0000 0000 0000 0000 0000 0000 0000""");

	/** nmbd on .2 stopping: release of CAPWG<1E> at the WINS server, opcode 6, no flags. */
	static final byte[] RELEASE = hex("""
			5331 3000 0001 0000 0000 0001
			20 454445424641464845484341434143414341434143414341434143414341424f 00 0020 0001
			c00c002000010003f4800006e000c6336402""");

	/** The WINS server's positive release response. */
	static final byte[] RELEASE_RESPONSE = hex("""
			5331 b400 0000 0001 0000 0000
			20 454445424641464845484341434143414341434143414341434143414341424f 00 0020 0001
			000000000006e000c6336402""");
}
