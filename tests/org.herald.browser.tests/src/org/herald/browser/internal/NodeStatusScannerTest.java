/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.browser.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet4Address;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;

import org.herald.api.BindInterface;
import org.herald.browser.NodeStatusResponder;
import org.junit.jupiter.api.Test;
import org.herald.browser.HostNames;
import org.herald.browser.ScanHit;
import org.herald.browser.ScanOptions;
import org.herald.browser.ScanSummary;
import org.herald.browser.Targets;

/**
 * The scanner against real responders on loopback: hosts 127.0.1.1-200 on one random high port
 * (the responders bind 127.0.1.N; the scanner binds 127.0.0.1, an ephemeral port).
 */
class NodeStatusScannerTest {

	static final Inet4Address SCANNER = BindInterface.parseIpv4("127.0.0.1");

	static Inet4Address host(int n) {
		return BindInterface.parseIpv4("127.0.1." + n);
	}

	static int randomPort() {
		return ThreadLocalRandom.current().nextInt(20000, 60000);
	}

	@Test
	void findsEveryResponderAndOnlyThem() throws Exception {
		int port = randomPort();
		List<NodeStatusResponder> responders = new ArrayList<>();
		try {
			for (int n = 1; n <= 200; n += 2) {
				responders.add(new NodeStatusResponder(host(n), port, "H" + n, "LABWG", n % 4 == 1 ? "USER" + n : null,
						new byte[] { 0, 0x11, 0x22, 0x33, 0x44, (byte) n }, 0));
			}
			ConcurrentLinkedQueue<ScanHit> hits = new ConcurrentLinkedQueue<>();
			ScanSummary s = new NodeStatusScanner(SCANNER, ScanOptions.defaults().withPort(port).withTimeout(Duration.ofMillis(500)))
					.scan(Targets.parse(List.of("127.0.1.1-200")), hits::add);
			assertEquals(200, s.targets());
			assertEquals(100, s.answered());
			List<ScanHit> sorted = hits.stream().sorted(Comparator.comparingLong(h -> Targets.key(h.address()))).toList();
			assertEquals(100, sorted.size());
			for (int i = 0; i < 100; i++) {
				int n = 2 * i + 1;
				ScanHit h = sorted.get(i);
				assertEquals(host(n), h.address());
				HostNames names = h.hostNames();
				assertEquals(Optional.of("H" + n), names.computer());
				assertEquals(Optional.of("LABWG"), names.workgroup());
				assertEquals(n % 4 == 1 ? Optional.of("USER" + n) : Optional.empty(), names.user());
				assertTrue(names.fileServer());
				assertEquals(String.format("00:11:22:33:44:%02x", n), h.mac());
			}
		} finally {
			responders.forEach(NodeStatusResponder::close);
		}
	}

	@Test
	void retriesReachHostsThatMissedTheFirstQuery() throws Exception {
		int port = randomPort();
		try (NodeStatusResponder shy = new NodeStatusResponder(host(210), port, "SHY", "LABWG", null, new byte[6], 1);
				NodeStatusResponder quick = new NodeStatusResponder(host(211), port, "QUICK", "LABWG", null, new byte[6], 0)) {
			ConcurrentLinkedQueue<ScanHit> hits = new ConcurrentLinkedQueue<>();
			ScanOptions o = ScanOptions.defaults().withPort(port).withTimeout(Duration.ofMillis(300)).withRetries(2);
			ScanSummary s = new NodeStatusScanner(SCANNER, o).scan(List.of(host(210), host(211)), hits::add);
			assertEquals(2, s.answered());
			assertEquals(3, s.sent(), "one query each, and one retry for the host that ignored the first");
			assertEquals(2, shy.requests());
			assertEquals(1, quick.requests());
		}
	}

	@Test
	void aSilentHostIsAskedOncePerSliceOfTheTimeoutAndThenGivenUp() throws Exception {
		int port = randomPort();
		try (NodeStatusResponder silent = new NodeStatusResponder(host(213), port, "MUTE", "LABWG", null, new byte[6], 1000);
				NodeStatusResponder quick = new NodeStatusResponder(host(214), port, "QUICK", "LABWG", null, new byte[6], 0)) {
			ConcurrentLinkedQueue<ScanHit> hits = new ConcurrentLinkedQueue<>();
			ScanOptions o = ScanOptions.defaults().withPort(port).withTimeout(Duration.ofMillis(300)).withRetries(2);
			ScanSummary s = new NodeStatusScanner(SCANNER, o).scan(List.of(host(213), host(214)), hits::add);
			assertEquals(1, s.answered());
			assertEquals(4, s.sent(), "three queries to the silent host (retries 2), one to the one that answered");
			assertEquals(3, silent.requests());
			assertEquals(List.of(host(214)), hits.stream().map(ScanHit::address).toList());
		}
	}

	@Test
	void aHostWithoutNameServiceIsSettledByItsPortUnreachableAndNotListed() throws Exception {
		int port = randomPort();
		// 127.0.1.217 answers; nothing listens on 127.0.1.218, so the kernel answers the retry
		// (sent from a socket connected to it) with ICMP port unreachable
		try (NodeStatusResponder there = new NodeStatusResponder(host(217), port, "THERE", "LABWG", null, new byte[6], 0)) {
			ConcurrentLinkedQueue<ScanHit> hits = new ConcurrentLinkedQueue<>();
			ScanOptions o = ScanOptions.defaults().withPort(port).withTimeout(Duration.ofSeconds(4)).withRetries(3);
			ScanSummary s = new NodeStatusScanner(SCANNER, o).scan(List.of(host(217), host(218)), hits::add);
			assertEquals(1, s.answered());
			assertEquals(1, s.refused());
			assertEquals(3, s.sent(), "one query each, one retry that the ICMP answer ended");
			assertEquals(List.of(host(217)), hits.stream().map(ScanHit::address).toList());
		}
	}

	@Test
	void anAddressGivenTwiceIsAskedOnceAndCountedOnce() throws Exception {
		int port = randomPort();
		try (NodeStatusResponder twice = new NodeStatusResponder(host(215), port, "TWICE", "LABWG", null, new byte[6], 0)) {
			ConcurrentLinkedQueue<ScanHit> hits = new ConcurrentLinkedQueue<>();
			ScanSummary s = new NodeStatusScanner(SCANNER, ScanOptions.defaults().withPort(port).withTimeout(Duration.ofMillis(300)))
					.scan(List.of(host(215), host(215), host(215)), hits::add);
			assertEquals(1, s.targets());
			assertEquals(1, s.sent());
			assertEquals(1, s.answered());
			assertEquals(1, twice.requests());
			assertEquals(1, hits.size());
		}
	}

	@Test
	void addressIndexKeepsTheFirstIndexOfEachAddress() {
		List<Inet4Address> addresses = Targets.parse(List.of("127.0.8.0/22"));
		NodeStatusScanner.AddressIndex index = new NodeStatusScanner.AddressIndex(addresses.size() + 1);
		for (int i = 0; i < addresses.size(); i++) {
			assertTrue(index.putIfAbsent(BindInterface.toInt(addresses.get(i)), i));
		}
		assertTrue(!index.putIfAbsent(BindInterface.toInt(addresses.get(7)), 9999), "a repeated address keeps its first index");
		for (int i = 0; i < addresses.size(); i++) {
			assertEquals(i, index.get(BindInterface.toInt(addresses.get(i))));
		}
		assertEquals(-1, index.get(BindInterface.toInt(BindInterface.parseIpv4("127.0.12.1"))));
	}

	@Test
	void withoutRetriesAHostThatMissedTheQueryIsNotListed() throws Exception {
		int port = randomPort();
		try (NodeStatusResponder shy = new NodeStatusResponder(host(212), port, "SHY", "LABWG", null, new byte[6], 1)) {
			List<ScanHit> hits = new ArrayList<>();
			ScanSummary s = new NodeStatusScanner(SCANNER, ScanOptions.defaults().withPort(port).withTimeout(Duration.ofMillis(200)).withRetries(0))
					.scan(List.of(host(212)), hits::add);
			assertEquals(0, s.answered());
			assertEquals(List.of(), hits);
		}
	}

	@Test
	void rateLimitedScanStillFindsAll() throws Exception {
		int port = randomPort();
		List<NodeStatusResponder> responders = new ArrayList<>();
		try {
			for (int n = 220; n < 240; n++) {
				responders.add(new NodeStatusResponder(host(n), port, "R" + n, "LABWG", null, new byte[6], 0));
			}
			ConcurrentLinkedQueue<ScanHit> hits = new ConcurrentLinkedQueue<>();
			ScanSummary s = new NodeStatusScanner(SCANNER, ScanOptions.defaults().withPort(port).withRate(200))
					.scan(Targets.parse(List.of("127.0.1.220-239")), hits::add);
			assertEquals(20, s.answered());
			assertEquals(20, s.sent());
		} finally {
			responders.forEach(NodeStatusResponder::close);
		}
	}

	@Test
	void targetsAsUsersWriteThem() {
		assertEquals(254, Targets.parse(List.of("198.51.100.0/24")).size());
		assertEquals(BindInterface.parseIpv4("198.51.100.1"), Targets.parse(List.of("198.51.100.0/24")).get(0));
		assertEquals(List.of(BindInterface.parseIpv4("198.51.100.7")), Targets.parse(List.of("198.51.100.7/32")));
		assertEquals(11, Targets.parse(List.of("198.51.100.10-20")).size());
		assertEquals(258, Targets.parse(List.of("198.51.100.250-198.51.101.251")).size());
		assertEquals(3, Targets.parse(List.of("198.51.100.1,198.51.100.2", "198.51.100.1", "198.51.100.3")).size());
		for (String bad : List.of("198.51.100.0/33", "198.51.100.20-10", "198.51.100.x", "example.org", "198.51.100.1-300")) {
			org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> Targets.parse(List.of(bad)), bad);
		}
	}
}
