/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import org.herald.api.BindInterface;
import org.herald.browser.wire.Announcement;
import org.herald.browser.wire.ServerInfo1;
import org.herald.browser.wire.ServerType;
import org.junit.jupiter.api.Test;

/** Merging sources, events and ageing of the browse model, on explicit times. */
class BrowseModelTest {

	static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

	@Test
	void sourcesMergeIntoOneHostAndItsWorkgroup() {
		BrowseModel m = new BrowseModel();
		List<BrowseEvent> events = new ArrayList<>();
		m.addListener(events::add);
		m.observe(HostObservation.listed(new ServerInfo1("samba1", 6, 1, 0x00849A03, "Samba one"), "labwg", T0));
		ScanHit hit = new ScanHit(BindInterface.parseIpv4("198.51.100.1"),
				List.of(org.herald.netbios.wire.NodeStatusEntry.active(new org.herald.api.NetbiosName("SAMBA1", 0), false,
						org.herald.netbios.wire.NodeType.B),
						org.herald.netbios.wire.NodeStatusEntry.active(new org.herald.api.NetbiosName("ALICE", 3), false,
								org.herald.netbios.wire.NodeType.B),
						org.herald.netbios.wire.NodeStatusEntry.active(new org.herald.api.NetbiosName("LABWG", 0), true,
								org.herald.netbios.wire.NodeType.B)),
				new byte[] { 0, 1, 2, 3, 4, 5 }, Duration.ZERO);
		m.observe(HostObservation.scanned(hit, T0.plusSeconds(5)).orElseThrow());
		Host h = m.host("SAMBA1").orElseThrow();
		assertEquals(Optional.of("LABWG"), h.workgroup());
		assertEquals(List.of(BindInterface.parseIpv4("198.51.100.1")), h.addresses());
		assertEquals(Optional.of("ALICE"), h.user());
		assertEquals(Optional.of("00:01:02:03:04:05"), h.unitId());
		assertEquals(OptionalInt.of(0x00849A03), h.serverType());
		assertEquals("Samba one", h.comment());
		assertEquals(BrowserRole.LOCAL_MASTER, h.role(), "the scan saw no <1D>, which does not undo the listed role");
		assertEquals(Set.of(BrowseSource.SERVER_LIST, BrowseSource.SCAN), h.seenBy().keySet());
		assertEquals(T0.plusSeconds(5), h.lastSeen());
		assertEquals(List.of("LABWG"), m.workgroups().stream().map(Workgroup::name).toList());
		Workgroup wg = m.workgroup("LABWG").orElseThrow();
		assertEquals(Optional.of("SAMBA1"), wg.masterBrowser(), "a master's address, once known, makes it the workgroup's master");
		assertEquals(Optional.of(BindInterface.parseIpv4("198.51.100.1")), wg.masterAddress());
		assertEquals(List.of(BrowseEvent.Kind.WORKGROUP_ADDED, BrowseEvent.Kind.HOST_ADDED, BrowseEvent.Kind.WORKGROUP_CHANGED,
				BrowseEvent.Kind.HOST_CHANGED, BrowseEvent.Kind.WORKGROUP_CHANGED), events.stream().map(BrowseEvent::kind).toList());
	}

	@Test
	void announcedHostsAgeAfterThreePeriodsOthersAfterTheMaximumAge() {
		BrowseModel m = new BrowseModel(Duration.ofMinutes(10));
		Announcement a = Announcement.host(0, 60_000, "ANNOUNCER", 6, 1, ServerType.WORKSTATION, "");
		m.observe(HostObservation.announced(a, "LABWG", BindInterface.parseIpv4("198.51.100.2"), T0));
		m.observe(HostObservation.listed(new ServerInfo1("LISTED", 6, 1, ServerType.SERVER, ""), "LABWG", T0));
		List<BrowseEvent> events = new ArrayList<>();
		m.addListener(events::add);
		assertEquals(0, m.age(T0.plusSeconds(180)));
		assertEquals(1, m.age(T0.plusSeconds(181)));
		assertTrue(m.host("ANNOUNCER").orElseThrow().stale());
		assertFalse(m.host("LISTED").orElseThrow().stale());
		assertEquals(2, m.age(T0.plus(Duration.ofMinutes(11))), "the listed host and the workgroup");
		assertEquals(List.of(BrowseEvent.Kind.HOST_STALE, BrowseEvent.Kind.HOST_STALE, BrowseEvent.Kind.WORKGROUP_STALE),
				events.stream().map(BrowseEvent::kind).toList());
		m.observe(HostObservation.announced(a, "LABWG", BindInterface.parseIpv4("198.51.100.2"), T0.plus(Duration.ofMinutes(12))));
		assertFalse(m.host("ANNOUNCER").orElseThrow().stale(), "a new announcement makes it fresh");
		assertEquals(1, m.prune(T0.plus(Duration.ofMinutes(12))), "only the stale listed host goes");
		assertEquals(List.of("ANNOUNCER"), m.hosts().stream().map(Host::name).toList());
	}

	@Test
	void domainAnnouncementsAndLocalMastersNameTheMaster() {
		BrowseModel m = new BrowseModel();
		m.observeWorkgroup("OTHERWG", Optional.of("OTHER3"), Optional.of(BindInterface.parseIpv4("198.51.100.3")), BrowseSource.ANNOUNCEMENT, T0);
		Announcement lma = new Announcement(Announcement.Kind.LOCAL_MASTER, 1, 720_000, "SAMBA1", 6, 1, 0x00849A03, 15, 1, 0xAA55, "x");
		m.observe(HostObservation.announced(lma, "CAPWG", BindInterface.parseIpv4("198.51.100.1"), T0));
		assertEquals(Optional.of("OTHER3"), m.workgroup("otherwg").orElseThrow().masterBrowser());
		Workgroup cap = m.workgroup("CAPWG").orElseThrow();
		assertEquals(Optional.of("SAMBA1"), cap.masterBrowser());
		assertEquals(Optional.of(BindInterface.parseIpv4("198.51.100.1")), cap.masterAddress());
		assertEquals(List.of("SAMBA1"), m.hosts("capwg").stream().map(Host::name).toList());
	}

	/** Who reported a host, in words, the latest first; a source's words default to its kind and address; pruning forgets them. */
	@Test
	void eachHostKeepsWhoReportedItUntilItIsPruned() {
		BrowseModel m = new BrowseModel(Duration.ofMinutes(10));
		m.observe(HostObservation.registered("FILESRV", Optional.of("LAB"), BindInterface.parseIpv4("203.0.113.9"), T0),
				"WINS FILESRV<00> at 198.51.100.1");
		m.observe(HostObservation.listed(new ServerInfo1("filesrv", 6, 1, ServerType.SERVER, "files"), "lab", T0.plusSeconds(5)),
				"server list of SAMBA2 203.0.113.2");
		m.observe(HostObservation.registered("FILESRV", Optional.of("LAB"), BindInterface.parseIpv4("203.0.113.9"), T0.plusSeconds(9)),
				"WINS FILESRV<00> at 198.51.100.1");
		assertEquals(List.of("WINS FILESRV<00> at 198.51.100.1", "server list of SAMBA2 203.0.113.2"),
				List.copyOf(m.reporters("filesrv").keySet()));
		assertEquals(T0.plusSeconds(9), m.reporters("FILESRV").get("WINS FILESRV<00> at 198.51.100.1"));
		m.observe(HostObservation.announced(Announcement.host(1, 720_000, "PRINTER", 6, 1, ServerType.SERVER, ""), "LAB",
				BindInterface.parseIpv4("198.51.100.40"), T0));
		assertEquals(Set.of("announcement from 198.51.100.40"), m.reporters("PRINTER").keySet());
		assertEquals(Map.of(), m.reporters("NOBODY"));
		m.age(T0.plus(Duration.ofHours(1)));
		m.prune(T0.plus(Duration.ofHours(1)));
		assertEquals(Map.of(), m.reporters("FILESRV"), "gone with the host");
	}
}
