/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.alerter.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import org.herald.alerter.AlertRule;
import org.herald.alerter.AlertRule.Kind;
import org.herald.browser.BrowseEvent;
import org.herald.browser.BrowserRole;
import org.herald.browser.Host;
import org.herald.browser.Workgroup;
import org.herald.browser.exposure.ExposureReport;
import org.herald.browser.exposure.HostExposure;
import org.herald.browser.exposure.Risk;
import org.junit.jupiter.api.Test;

/**
 * Which rules a change of the browse list or an exposure report fires, and what the alert says
 * ({@link Rules}). Pure: the events and reports are built here, as Herald's browser and exposure
 * check hand them over; no network.
 */
class RulesTest {

	private static final AlertRule ANY_APPEARS = new AlertRule("r1", Kind.HOST_APPEARS, "*");
	private static final AlertRule FILESRV_OFFLINE = new AlertRule("r2", Kind.HOST_OFFLINE, "filesrv");
	private static final AlertRule LAB_HIGH = new AlertRule("r3", Kind.EXPOSURE_HIGH, "198.51.100.0/28");
	private static final List<AlertRule> RULES = List.of(ANY_APPEARS, FILESRV_OFFLINE, LAB_HIGH);

	static Inet4Address ip(String s) {
		try {
			return (Inet4Address) InetAddress.getByName(s);
		} catch (UnknownHostException e) {
			throw new IllegalArgumentException(s, e);
		}
	}

	static Host host(String name, String workgroup, boolean stale) {
		return new Host(name, Optional.ofNullable(workgroup), List.of(ip("198.51.100.5")), Optional.empty(), Optional.empty(), OptionalInt.empty(),
				"", Optional.empty(), BrowserRole.NONE, Optional.empty(), Instant.parse("2026-12-07T06:00:00Z"), Map.of(), stale);
	}

	static BrowseEvent event(BrowseEvent.Kind kind, Host host) {
		return new BrowseEvent(kind, Optional.of(host), Optional.empty());
	}

	static HostExposure exposure(String address, Risk risk, String reason) {
		return new HostExposure(ip(address), List.of(), List.of(), Optional.empty(), Optional.empty(), risk, reason, List.of());
	}

	static ExposureReport report(HostExposure... hosts) {
		return new ExposureReport(Instant.parse("2026-12-07T06:00:00Z"), "198.51.100.1", List.of(hosts), List.of());
	}

	private static List<String> texts(List<Rules.Firing> firings) {
		return firings.stream().map(Rules.Firing::text).toList();
	}

	@Test
	void aHostAppearingFiresTheAppearsRulesForItsNameOrAnyHost() {
		List<Rules.Firing> fired = Rules.fired(RULES, event(BrowseEvent.Kind.HOST_ADDED, host("PRINTSRV", "LAB", false)));
		assertEquals(List.of("Herald alert r1: host PRINTSRV appeared in the browse list of LAB"), texts(fired));
		assertEquals(ANY_APPEARS, fired.get(0).rule());

		AlertRule byName = new AlertRule("r9", Kind.HOST_APPEARS, "printsrv");
		assertEquals(List.of("Herald alert r9: host PrintSrv appeared in the browse list"),
				texts(Rules.fired(List.of(byName), event(BrowseEvent.Kind.HOST_ADDED, host("PrintSrv", null, false)))), "names match in any case");
		assertTrue(Rules.fired(List.of(byName), event(BrowseEvent.Kind.HOST_ADDED, host("OTHER", "LAB", false))).isEmpty());
		assertTrue(Rules.fired(List.of(byName), event(BrowseEvent.Kind.HOST_CHANGED, host("PRINTSRV", "LAB", false))).isEmpty(),
				"a host that only changed did not appear");
	}

	@Test
	void aHostGoingOfflineFiresWhenItTurnsStaleOrIsRemoved() {
		for (BrowseEvent.Kind kind : List.of(BrowseEvent.Kind.HOST_STALE, BrowseEvent.Kind.HOST_REMOVED)) {
			List<Rules.Firing> fired = Rules.fired(RULES, event(kind, host("FILESRV", "LAB", true)));
			assertEquals(List.of("Herald alert r2: host FILESRV went offline from the browse list of LAB"), texts(fired), kind.toString());
		}
		assertTrue(Rules.fired(RULES, event(BrowseEvent.Kind.HOST_STALE, host("PRINTSRV", "LAB", true))).isEmpty(), "another host");
		assertEquals(List.of("Herald alert r1: host FILESRV appeared in the browse list of LAB"),
				texts(Rules.fired(RULES, event(BrowseEvent.Kind.HOST_ADDED, host("FILESRV", "LAB", false)))), "coming back is not going offline");
	}

	@Test
	void workgroupEventsFireNoHostRule() {
		BrowseEvent workgroup = new BrowseEvent(BrowseEvent.Kind.WORKGROUP_STALE, Optional.empty(),
				Optional.of(new Workgroup("LAB", Optional.empty(), Optional.empty(), Instant.parse("2026-12-07T06:00:00Z"), Map.of(), true)));
		assertTrue(Rules.fired(RULES, workgroup).isEmpty());
	}

	@Test
	void anExposureCheckRatingAHostOfTheRangeHighFires() {
		ExposureReport report = report(exposure("198.51.100.7", Risk.HIGH, "pop-up spam target: Messenger name(s) BOB<03> reachable"),
				exposure("198.51.100.8", Risk.MEDIUM, "137/udp gives away its name table"),
				exposure("198.51.100.99", Risk.HIGH, "RPC endpoint mapper 135/tcp open"));
		List<Rules.Firing> fired = Rules.fired(RULES, report);
		assertEquals(List.of("Herald alert r3: 198.51.100.7 is exposed HIGH (pop-up spam target: Messenger name(s) BOB<03> reachable)"), texts(fired),
				"MEDIUM does not fire, nor a HIGH host outside the range");
		assertTrue(Rules.fired(RULES, report(exposure("198.51.100.7", Risk.MEDIUM, "x"))).isEmpty());
		assertTrue(Rules.fired(List.of(ANY_APPEARS, FILESRV_OFFLINE), report).isEmpty(), "host rules ignore exposure reports");
		AlertRule any = new AlertRule("r4", Kind.EXPOSURE_HIGH, "*");
		assertEquals(2, Rules.fired(List.of(any), report).size());
	}

	@Test
	void rangeTargetsTakeAddressesRangesAndPrefixes() {
		assertTrue(Rules.contains("198.51.100.7", ip("198.51.100.7")));
		assertFalse(Rules.contains("198.51.100.7", ip("198.51.100.8")));
		assertTrue(Rules.contains("198.51.100.5-198.51.100.9", ip("198.51.100.9")));
		assertFalse(Rules.contains("198.51.100.5-198.51.100.9", ip("198.51.100.10")));
		assertTrue(Rules.contains("198.51.100.0/28", ip("198.51.100.14")));
		assertFalse(Rules.contains("198.51.100.0/28", ip("198.51.100.15")), "a prefix's broadcast address is no host (as herald send reads it)");
		assertFalse(Rules.contains("198.51.100.0/28", ip("198.51.100.16")));
		assertTrue(Rules.contains("*", ip("203.0.113.1")));
		assertFalse(Rules.contains("FILESRV", ip("198.51.100.7")), "a name is no range");
	}

	@Test
	void rulesAreCheckedBeforeTheyAreSaved() {
		Rules.check(Kind.EXPOSURE_HIGH, "198.51.100.0/24");
		Rules.check(Kind.EXPOSURE_HIGH, "*");
		Rules.check(Kind.HOST_OFFLINE, "FILESRV");
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Rules.check(Kind.EXPOSURE_HIGH, "FILESRV"));
		assertEquals("exposure-high wants an address, a range or a prefix, not 'FILESRV'", e.getMessage());
		assertThrows(IllegalArgumentException.class, () -> new AlertRule("r1", Kind.HOST_OFFLINE, " "));
		assertEquals("host-offline FILESRV", new AlertRule("r1", Kind.HOST_OFFLINE, " filesrv ").text());
		assertEquals(Kind.EXPOSURE_HIGH, Kind.of("Exposure-High"));
		assertThrows(IllegalArgumentException.class, () -> Kind.of("host-gone"));
	}
}
