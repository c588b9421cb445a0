/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.netbios.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.Inet4Address;
import java.util.ArrayList;
import java.util.List;

import org.herald.api.BindInterface;
import org.herald.api.NetbiosName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Decodes Samba's frames field by field, and builds the same bytes with {@link NbnsMessages}. */
class NbnsSambaFramesTest {

	private static Inet4Address ip(String s) {
		return BindInterface.parseIpv4(s);
	}

	private static final long THREE_DAYS = 259200;

	@TestFactory
	List<DynamicTest> everyFrameReencodesToTheSameBytes() throws IllegalAccessException {
		List<DynamicTest> tests = new ArrayList<>();
		for (Field f : SambaFrames.class.getDeclaredFields()) {
			if (f.getType() == byte[].class && Modifier.isStatic(f.getModifiers())) {
				byte[] frame = (byte[]) f.get(null);
				tests.add(DynamicTest.dynamicTest(f.getName(),
						() -> assertArrayEquals(frame, NbnsCodec.encode(NbnsCodec.decode(frame)))));
			}
		}
		assertEquals(12, tests.size());
		return tests;
	}

	@Test
	void query() throws Exception {
		NbnsPacket p = NbnsCodec.decode(SambaFrames.QUERY);
		assertEquals(0x31a2, p.transactionId());
		assertFalse(p.response());
		assertEquals(NbnsPacket.OP_QUERY, p.opcode());
		assertEquals(0, p.nmFlags());
		assertEquals(new NetbiosName("WINSSRV", 0), p.question().netbiosName());
		assertEquals(NbnsPacket.TYPE_NB, p.question().type());
		assertEquals(NbnsPacket.CLASS_IN, p.question().questionClass());
		assertArrayEquals(SambaFrames.QUERY,
				NbnsCodec.encode(NbnsMessages.nameQuery(0x31a2, new NetbiosName("WINSSRV", 0), false, false)));
	}

	@Test
	void queryResponse() throws Exception {
		NbnsPacket p = NbnsCodec.decode(SambaFrames.QUERY_RESPONSE);
		assertTrue(p.response());
		assertTrue(p.has(NbnsPacket.AA | NbnsPacket.RD | NbnsPacket.RA));
		assertEquals(NbnsPacket.RCODE_OK, p.rcode());
		NbnsResourceRecord rr = p.answer();
		assertEquals(new NetbiosName("WINSSRV", 0), rr.netbiosName());
		assertEquals(THREE_DAYS, rr.ttl());
		NbAddress a = new NbAddress(false, NodeType.H, ip("198.51.100.1"));
		assertEquals(NbAddresses.of(a), rr.data());
		assertArrayEquals(SambaFrames.QUERY_RESPONSE, NbnsCodec.encode(
				NbnsMessages.positiveQueryResponse(0x31a2, new NetbiosName("WINSSRV", 0), THREE_DAYS, List.of(a), true)));
	}

	@Test
	void negativeQueryResponse() throws Exception {
		NbnsPacket p = NbnsCodec.decode(SambaFrames.NEGATIVE_QUERY_RESPONSE);
		assertEquals(NbnsPacket.RCODE_NAM_ERR, p.rcode());
		assertEquals(NbnsPacket.TYPE_NULL, p.answer().type());
		assertEquals(RawData.EMPTY, p.answer().data());
		assertArrayEquals(SambaFrames.NEGATIVE_QUERY_RESPONSE, NbnsCodec.encode(NbnsMessages.negativeQueryResponse(0x1b20,
				new NetbiosName("NOSUCH", 0), NbnsPacket.RCODE_NAM_ERR, true)));
	}

	@Test
	void broadcastRegistration() throws Exception {
		NbnsPacket p = NbnsCodec.decode(SambaFrames.BROADCAST_REGISTRATION);
		assertEquals(NbnsPacket.OP_REGISTRATION, p.opcode());
		assertTrue(p.broadcast());
		assertTrue(p.recursionDesired());
		NbnsResourceRecord rr = p.additional();
		// The additional record's name is a pointer to the question's.
		assertEquals(new NetbiosName("BNODE", 0x20), rr.netbiosName());
		assertEquals(0, rr.ttl());
		NbAddress a = new NbAddress(false, NodeType.B, ip("198.51.100.3"));
		assertEquals(NbAddresses.of(a), rr.data());
		assertArrayEquals(SambaFrames.BROADCAST_REGISTRATION, NbnsCodec.encode(
				NbnsMessages.registrationRequest(0x5319, new NetbiosName("BNODE", 0x20), 0, a, true)));
	}

	@Test
	void multihomedRegistration() throws Exception {
		NbnsPacket p = NbnsCodec.decode(SambaFrames.MULTIHOMED_REGISTRATION);
		assertEquals(NbnsPacket.OP_MULTIHOMED_REGISTRATION, p.opcode());
		assertTrue(p.isRegistration());
		assertFalse(p.broadcast());
		NbAddress a = new NbAddress(false, NodeType.H, ip("198.51.100.2"));
		assertEquals(NbAddresses.of(a), p.additional().data());
		assertArrayEquals(SambaFrames.MULTIHOMED_REGISTRATION, NbnsCodec.encode(
				NbnsMessages.multihomedRegistrationRequest(0x532a, new NetbiosName("WINSCLI", 0x20), THREE_DAYS, a)));
	}

	@Test
	void registrationResponses() throws Exception {
		NbAddress a = new NbAddress(false, NodeType.H, ip("198.51.100.2"));
		assertArrayEquals(SambaFrames.REGISTRATION_RESPONSE, NbnsCodec.encode(NbnsMessages.registrationResponse(0x532a,
				new NetbiosName("WINSCLI", 0x20), NbnsPacket.RCODE_OK, THREE_DAYS, a)));
		NbnsPacket neg = NbnsCodec.decode(SambaFrames.NEGATIVE_REGISTRATION_RESPONSE);
		assertEquals(NbnsPacket.RCODE_ACT_ERR, neg.rcode());
		NbAddress registrant = new NbAddress(false, NodeType.B, ip("198.51.100.4"));
		assertEquals(NbAddresses.of(registrant), neg.answer().data());
		assertArrayEquals(SambaFrames.NEGATIVE_REGISTRATION_RESPONSE, NbnsCodec.encode(NbnsMessages.registrationResponse(
				0x5333, new NetbiosName("BNODE", 0x20), NbnsPacket.RCODE_ACT_ERR, 0, registrant)));
	}

	@Test
	void groupRegistration() throws Exception {
		NbnsPacket p = NbnsCodec.decode(SambaFrames.GROUP_REGISTRATION);
		NbAddress a = ((NbAddresses) p.additional().data()).entries().get(0);
		assertTrue(a.group());
		assertEquals(NodeType.H, a.nodeType());
		assertArrayEquals(SambaFrames.GROUP_REGISTRATION, NbnsCodec.encode(
				NbnsMessages.registrationRequest(0x532d, new NetbiosName("CAPWG", 0), THREE_DAYS, a, false)));
	}

	@Test
	void nodeStatus() throws Exception {
		NbnsPacket q = NbnsCodec.decode(SambaFrames.NODE_STATUS_REQUEST);
		assertEquals(NetbiosName.WILDCARD, q.question().netbiosName());
		assertEquals(NbnsPacket.TYPE_NBSTAT, q.question().type());
		assertArrayEquals(SambaFrames.NODE_STATUS_REQUEST, NbnsCodec.encode(NbnsMessages.nodeStatusRequest(0x27b9, false)));

		NbnsPacket r = NbnsCodec.decode(SambaFrames.NODE_STATUS_RESPONSE);
		NodeStatusData data = (NodeStatusData) r.answer().data();
		List<NodeStatusEntry> expected = List.of(
				NodeStatusEntry.active(new NetbiosName("BNODE", 0x00), false, NodeType.B),
				NodeStatusEntry.active(new NetbiosName("BNODE", 0x03), false, NodeType.B),
				NodeStatusEntry.active(new NetbiosName("BNODE", 0x20), false, NodeType.B),
				NodeStatusEntry.active(new NetbiosName("CAPWG", 0x00), true, NodeType.B),
				NodeStatusEntry.active(new NetbiosName("CAPWG", 0x1E), true, NodeType.B));
		assertEquals(expected, data.names());
		assertEquals(46, data.statistics().length);
		assertEquals("00-00-00-00-00-00", data.unitIdText());
		assertTrue(data.names().get(3).group());
		assertTrue(data.names().get(3).active());
		assertFalse(data.names().get(0).permanent());
		assertArrayEquals(SambaFrames.NODE_STATUS_RESPONSE, NbnsCodec.encode(NbnsMessages.nodeStatusResponse(0x27b9,
				q.question().name(), NodeStatusData.of(expected, new byte[6]))));
	}

	@Test
	void release() throws Exception {
		NbnsPacket p = NbnsCodec.decode(SambaFrames.RELEASE);
		assertEquals(NbnsPacket.OP_RELEASE, p.opcode());
		assertEquals(0, p.nmFlags());
		assertEquals(new NetbiosName("CAPWG", 0x1E), p.question().netbiosName());
		// Samba keeps the registration's TTL in its release.
		assertEquals(THREE_DAYS, p.additional().ttl());
		NbAddress a = new NbAddress(true, NodeType.H, ip("198.51.100.2"));
		assertEquals(NbAddresses.of(a), p.additional().data());
		assertArrayEquals(SambaFrames.RELEASE, NbnsCodec.encode(
				NbnsMessages.releaseRequest(0x5331, new NetbiosName("CAPWG", 0x1E), THREE_DAYS, a, false)));
		assertArrayEquals(SambaFrames.RELEASE_RESPONSE, NbnsCodec.encode(
				NbnsMessages.releaseResponse(0x5331, new NetbiosName("CAPWG", 0x1E), NbnsPacket.RCODE_OK, a)));
	}
}
