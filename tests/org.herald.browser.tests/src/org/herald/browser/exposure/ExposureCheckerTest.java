/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.browser.exposure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import org.herald.api.BindInterface;
import org.herald.api.NetbiosName;
import org.herald.browser.HostNames;
import org.herald.browser.NodeStatusResponder;
import org.junit.jupiter.api.Test;

/**
 * The checker on loopback: a host 127.0.3.N with a TCP listener and a node status responder on high
 * ports stands for an exposed host; the same ports on another loopback address with nothing bound
 * answer with resets and ICMP port unreachable. The checker binds 127.0.0.1.
 */
class ExposureCheckerTest {

	static final Inet4Address LOCAL = BindInterface.parseIpv4("127.0.0.1");

	static Map<Port, Integer> ports(int base) {
		Map<Port, Integer> m = new EnumMap<>(Port.class);
		int i = 0;
		for (Port p : Port.values()) {
			m.put(p, base + i++);
		}
		return m;
	}

	@Test
	void exposedHostIsRatedHighWithItsMessengerNames() throws Exception {
		int base = ThreadLocalRandom.current().nextInt(20000, 60000);
		Map<Port, Integer> ports = ports(base);
		Inet4Address host = BindInterface.parseIpv4("127.0.3.1");
		try (ServerSocket session = new ServerSocket();
				NodeStatusResponder names = new NodeStatusResponder(host, ports.get(Port.NBNS_137), "VICTIM", "LABWG", "ALICE", new byte[6], 0)) {
			session.bind(new InetSocketAddress(host, ports.get(Port.NBSS_139)));
			ExposureChecker c = new ExposureChecker(LOCAL, new NetbiosName("HERALD", 0),
					ExposureChecker.Options.defaults().withPorts(ports).withTimeout(Duration.ofMillis(300)));
			HostExposure e = c.check(List.of(host)).get(0);
			assertEquals(PortState.OPEN, e.state(Port.NBSS_139));
			assertEquals(PortState.OPEN, e.state(Port.NBNS_137));
			assertEquals(PortState.CLOSED, e.state(Port.RPC_135));
			assertEquals(PortState.CLOSED, e.state(Port.SMB_445));
			assertEquals(PortState.CLOSED, e.state(Port.NBDGM_138), "nothing on the datagram port: ICMP port unreachable");
			assertEquals(Risk.HIGH, e.risk());
			assertTrue(e.reason().contains("VICTIM<03>") && e.reason().contains("ALICE<03>"), e.reason());
			assertEquals(Optional.of("ALICE"), e.hostNames().flatMap(HostNames::user));
			assertTrue(e.remedies().stream().anyMatch(r -> r.port() == Port.NBSS_139 && r.iptables().equals("iptables -A INPUT -p tcp --dport 139 -j DROP")));
			assertTrue(e.remedies().stream().anyMatch(r -> r.port() == Port.NBNS_137
					&& r.netsh().equals("netsh advfirewall firewall add rule name=\"Block UDP 137\" dir=in action=block protocol=UDP localport=137")));
		}
	}

	@Test
	void hostWithNothingListeningIsAllClosed() throws Exception {
		int base = ThreadLocalRandom.current().nextInt(20000, 60000);
		ExposureChecker c = new ExposureChecker(LOCAL, new NetbiosName("HERALD", 0),
				ExposureChecker.Options.defaults().withPorts(ports(base)).withTimeout(Duration.ofMillis(300)));
		HostExposure e = c.check(BindInterface.parseIpv4("127.0.3.2"));
		for (Port p : Port.values()) {
			assertEquals(PortState.CLOSED, e.state(p), p.toString());
		}
		assertEquals(Risk.NONE, e.risk());
		assertEquals(List.of(), e.remedies());
	}

	@Test
	void ratingRules() {
		List<PortFinding> onlyNames = List.of(new PortFinding(Port.NBNS_137, PortState.OPEN, ""), new PortFinding(Port.NBSS_139, PortState.CLOSED, ""));
		assertEquals(Risk.MEDIUM, RiskRating.rate(onlyNames, Optional.empty()).risk());
		assertEquals(Risk.HIGH, RiskRating.rate(List.of(new PortFinding(Port.RPC_135, PortState.OPEN, "")), Optional.empty()).risk());
		assertEquals(Risk.LOW, RiskRating.rate(List.of(new PortFinding(Port.NBDGM_138, PortState.OPEN_OR_FILTERED, "")), Optional.empty()).risk());
		assertEquals(Risk.NONE, RiskRating.rate(List.of(new PortFinding(Port.SMB_445, PortState.FILTERED, "")), Optional.empty()).risk());
	}

	@Test
	void procNetLines() {
		LocalSocket udp = LocalAudit.parseLine("udp", "  12: 00000000:0089 00000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 4242 2 0000000000000000 0")
				.orElseThrow();
		assertEquals("0.0.0.0", udp.address());
		assertEquals(137, udp.port());
		assertEquals(4242, udp.inode());
		LocalSocket tcp = LocalAudit.parseLine("tcp", "   0: 016433C6:008B 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 77 1 0000000000000000 100 0 0 10 0")
				.orElseThrow();
		assertEquals("198.51.100.1", tcp.address());
		assertEquals(139, tcp.port());
		assertEquals(Optional.empty(), LocalAudit.parseLine("tcp",
				"   1: 016433C6:008B 026433C6:A0B0 01 00000000:00000000 00:00000000 00000000     0        0 78 1 0000000000000000 100 0 0 10 0"),
				"an established connection is not a listener");
		assertEquals("0:0:0:0:0:0:0:1", LocalAudit.decode("00000000000000000000000001000000"));
		assertTrue(LocalAudit.wildcard("0.0.0.0"));
		assertEquals("this host only (loopback)", LocalAudit.reach("127.0.0.1"));
	}

	@Test
	void localAuditFindsOwnListenerWithItsAddress() throws Exception {
		int port = ThreadLocalRandom.current().nextInt(20000, 60000);
		try (ServerSocket s = new ServerSocket()) {
			s.bind(new InetSocketAddress(BindInterface.parseIpv4("127.0.3.3"), port));
			List<LocalSocket> found = new LocalAudit(java.nio.file.Path.of("/proc"), java.util.Set.of(port)).sockets();
			assertEquals(1, found.size(), found.toString());
			LocalSocket l = found.get(0);
			assertEquals("127.0.3.3", l.address());
			assertTrue(l.herald(), "this process owns it: " + l.process());
			assertEquals(Optional.empty(), l.warning());
		}
	}
}
