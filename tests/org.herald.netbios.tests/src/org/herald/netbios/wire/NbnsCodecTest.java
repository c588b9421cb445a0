/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.netbios.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.Inet4Address;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

import org.herald.api.BindInterface;
import org.herald.api.NetbiosName;
import org.junit.jupiter.api.Test;

/** Packets Samba did not send in the captures, built by hand from the RFC 1002 diagrams, and round trips. */
class NbnsCodecTest {

	static final NetbiosName HERALD = new NetbiosName("HERALD", 0);
	static final Inet4Address IP = BindInterface.parseIpv4("198.51.100.7");
	/** HERALD<00> first-level encoded: H=EI E=EF R=FC A=EB L=EM D=EE, nine spaces CA, suffix AA. */
	static final String HERALD_ENCODED = "EIEFFCEBEMEECACACACACACACACACAAA";

	/** Builds bytes from hex groups; a part starting with ' is ASCII. */
	static byte[] frame(String... parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (String p : parts) {
			if (p.startsWith("'")) {
				out.writeBytes(p.substring(1).getBytes(StandardCharsets.US_ASCII));
			} else {
				out.writeBytes(HexFormat.of().parseHex(p.replace(" ", "")));
			}
		}
		return out.toByteArray();
	}

	@Test
	void encodedNameOfHeraldIsThirtyTwoLetters() {
		assertEquals(32, HERALD_ENCODED.length());
	}

	@Test
	void waitForAcknowledgement() throws Exception {
		NbnsPacket request = NbnsMessages.multihomedRegistrationRequest(0x1234, HERALD, 300,
				new NbAddress(false, NodeType.H, IP));
		byte[] expected = frame("1234 bc00 0000 0001 0000 0000", "20", "'" + HERALD_ENCODED, "00",
				"0020 0001 0000003c 0002 7900");
		NbnsPacket wack = NbnsMessages.waitForAcknowledgement(request, 60);
		assertArrayEquals(expected, NbnsCodec.encode(wack));
		NbnsPacket read = NbnsCodec.decode(expected);
		assertEquals(NbnsPacket.OP_WACK, read.opcode());
		assertEquals(new WackData(0x7900), read.answer().data());
		assertEquals(60, read.answer().ttl());
		assertEquals(wack, read);
	}

	@Test
	void conflictDemand() throws Exception {
		byte[] expected = frame("4321 ad87 0000 0001 0000 0000", "20", "'" + HERALD_ENCODED, "00",
				"0020 0001 00000000 0006 0000 c6336407");
		NbnsPacket demand = NbnsMessages.conflictDemand(0x4321, HERALD, new NbAddress(false, NodeType.B, IP));
		assertArrayEquals(expected, NbnsCodec.encode(demand));
		assertEquals(demand, NbnsCodec.decode(expected));
		assertEquals(NbnsPacket.RCODE_CFT_ERR, demand.rcode());
	}

	@Test
	void overwriteDemandIsABroadcastRegistrationWithoutRecursionDesired() throws Exception {
		// RFC 1002 4.2.3: opcode 5, NM_FLAGS with B and without RD; the registration request has 0x2910.
		byte[] expected = frame("0042 2810 0001 0000 0000 0001", "20", "'" + HERALD_ENCODED, "00", "0020 0001",
				"c00c 0020 0001 00000000 0006 0000 c6336407");
		NbnsPacket demand = NbnsMessages.overwriteDemand(0x42, HERALD, 0, new NbAddress(false, NodeType.B, IP));
		assertArrayEquals(expected, NbnsCodec.encode(demand));
		NbnsPacket read = NbnsCodec.decode(expected);
		assertEquals(demand, read);
		assertTrue(read.isRegistration() && read.broadcast() && !read.recursionDesired());
		byte[] request = NbnsCodec.encode(NbnsMessages.registrationRequest(0x42, HERALD, 0, new NbAddress(false, NodeType.B, IP), true));
		expected[2] = 0x29; // the same with RD: the registration request it concludes
		assertArrayEquals(expected, request);
	}

	@Test
	void refreshRequests() throws Exception {
		NbAddress a = new NbAddress(false, NodeType.H, IP);
		byte[] unicast = frame("0042 4000 0001 0000 0000 0001", "20", "'" + HERALD_ENCODED, "00", "0020 0001",
				"c00c 0020 0001 0003f480 0006 6000 c6336407");
		assertArrayEquals(unicast, NbnsCodec.encode(NbnsMessages.refreshRequest(0x42, HERALD, 259200, a, false)));
		NbnsPacket read = NbnsCodec.decode(unicast);
		assertTrue(read.isRefresh());
		// Opcode 9, the other refresh opcode, reads as a refresh too.
		unicast[2] = 0x48;
		assertTrue(NbnsCodec.decode(unicast).isRefresh());
		assertEquals(NbnsPacket.OP_REFRESH_ALT, NbnsCodec.decode(unicast).opcode());
		byte[] broadcast = NbnsCodec.encode(NbnsMessages.refreshRequest(0x42, HERALD, 259200, a, true));
		assertEquals(0x40, broadcast[2]);
		assertEquals(0x10, broadcast[3]);
	}

	@Test
	void broadcastQueryAndStatusSetTheBFlag() throws Exception {
		byte[] q = frame("0007 0110 0001 0000 0000 0000", "20", "'" + HERALD_ENCODED.substring(0, 30) + "AD", "00", "0020 0001");
		assertArrayEquals(q, NbnsCodec.encode(NbnsMessages.nameQuery(7, HERALD.withSuffix(3), true, true)));
		byte[] s = NbnsCodec.encode(NbnsMessages.nodeStatusRequest(8, true));
		assertEquals(0x00, s[2]);
		assertEquals(0x10, s[3]);
	}

	@Test
	void everyKindRoundTrips() throws Exception {
		NbAddress a = new NbAddress(false, NodeType.B, IP);
		NbAddress g = new NbAddress(true, NodeType.H, IP);
		NodeStatusData status = NodeStatusData.of(List.of(NodeStatusEntry.active(HERALD, false, NodeType.B),
				new NodeStatusEntry("\u0001\u0002__MSBROWSE__\u0002", 1, 0x8400),
				new NodeStatusEntry("WG", 0x1D, 0x0400 | 0x0800 | 0x1000 | 0x0200)), new byte[] { 1, 2, 3, 4, 5, 6 });
		NbnsPacket wackFor = NbnsMessages.registrationRequest(9, HERALD, 60, a, false);
		List<NbnsPacket> all = List.of(
				NbnsMessages.nameQuery(1, HERALD, true, false),
				NbnsMessages.nameQuery(2, HERALD.withSuffix(3), false, true),
				NbnsMessages.positiveQueryResponse(3, HERALD, 300, List.of(a, g), false),
				NbnsMessages.positiveQueryResponse(3, HERALD, 0xFFFF_FFFFL, List.of(), true),
				NbnsMessages.negativeQueryResponse(4, HERALD, NbnsPacket.RCODE_NAM_ERR, false),
				NbnsMessages.nodeStatusRequest(5, false),
				NbnsMessages.nodeStatusResponse(6, new EncodedName(NetbiosName.WILDCARD), status),
				NbnsMessages.registrationRequest(7, HERALD, 0, a, true),
				NbnsMessages.registrationRequest(7, new NetbiosName("WG", 0), 300, g, false),
				NbnsMessages.multihomedRegistrationRequest(8, HERALD, 300, a),
				NbnsMessages.refreshRequest(10, HERALD, 300, a, false),
				NbnsMessages.releaseRequest(11, HERALD, 0, a, true),
				NbnsMessages.registrationResponse(12, HERALD, NbnsPacket.RCODE_OK, 300, a),
				NbnsMessages.registrationResponse(13, HERALD, NbnsPacket.RCODE_ACT_ERR, 0, a),
				NbnsMessages.registrationResponse(14, HERALD, NbnsPacket.RCODE_RFS_ERR, 0, a),
				NbnsMessages.conflictDemand(15, HERALD, a),
				NbnsMessages.releaseResponse(16, HERALD, NbnsPacket.RCODE_OK, a),
				NbnsMessages.releaseResponse(17, HERALD, NbnsPacket.RCODE_NAM_ERR, a),
				NbnsMessages.waitForAcknowledgement(wackFor, 60),
				// A scoped name: no pointer for a record whose name differs from the question's.
				new NbnsPacket(18, true, NbnsPacket.OP_QUERY, NbnsPacket.AA, 0, List.of(),
						List.of(new NbnsResourceRecord(new EncodedName(HERALD, "corp.example"), NbnsPacket.TYPE_NB,
								NbnsPacket.CLASS_IN, 1, NbAddresses.of(a))),
						List.of(new NbnsResourceRecord(new EncodedName(HERALD), NbnsPacket.TYPE_NS, NbnsPacket.CLASS_IN, 1,
								new RawData(new byte[] { 1, 2 }))),
						List.of()));
		for (NbnsPacket p : all) {
			byte[] bytes = NbnsCodec.encode(p);
			assertEquals(p, NbnsCodec.decode(bytes), () -> "round trip of " + p);
			assertArrayEquals(bytes, NbnsCodec.encode(NbnsCodec.decode(bytes)));
		}
	}

	@Test
	void nodeStatusKeepsNamesANetbiosNameRefuses() throws Exception {
		NodeStatusEntry browse = new NodeStatusEntry("\u0001\u0002__MSBROWSE__\u0002", 1, 0x8400);
		assertTrue(browse.netbiosName().isEmpty());
		assertTrue(browse.group());
		NodeStatusEntry wg = new NodeStatusEntry("WG", 0x1D, 0x0400 | 0x0800 | 0x1000 | 0x0200);
		assertTrue(wg.conflict() && wg.deregistering() && wg.permanent() && wg.active());
		assertEquals(new NetbiosName("WG", 0x1D), wg.netbiosName().orElseThrow());
	}

	@Test
	void shortStatisticsStillGiveAUnitId() throws Exception {
		byte[] f = frame("0001 8400 0000 0001 0000 0000", "20", "'CKAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "00",
				"0021 0001 00000000 0016", "01", "'HERALD         ", "00", "0400", "aabbcc");
		NodeStatusData d = assertInstanceOf(NodeStatusData.class, NbnsCodec.decode(f).answer().data());
		assertEquals("AA-BB-CC-00-00-00", d.unitIdText());
		assertEquals(List.of(NodeStatusEntry.active(HERALD, false, NodeType.B)), d.names());
	}

	@Test
	void decodesAtAnOffset() throws Exception {
		byte[] padded = new byte[SambaFrames.QUERY.length + 5];
		System.arraycopy(SambaFrames.QUERY, 0, padded, 3, SambaFrames.QUERY.length);
		assertEquals(NbnsCodec.decode(SambaFrames.QUERY), NbnsCodec.decode(padded, 3, SambaFrames.QUERY.length));
	}
}
