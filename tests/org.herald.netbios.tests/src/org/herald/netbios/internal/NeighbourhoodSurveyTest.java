/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.netbios.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.herald.api.BindInterface;
import org.herald.api.Identity;
import org.herald.api.setup.Survey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The survey over loopback with a real Herald responder on 127.0.0.57 standing where this machine's
 * Samba configuration says the WINS server is, and nobody on 127.0.0.58, which a DHCP lease names.
 * The survey asks from 127.0.0.1/8 (the route to 127.x leaves from there) on a random high port;
 * its broadcast for __MSBROWSE__ goes to 127.255.255.255, where no master browser answers. Local
 * masters answering are covered against nmbd in releng/interop/site-interop.sh.
 */
class NeighbourhoodSurveyTest {

	private static final BindInterface FROM = BindInterface.parse("127.0.0.1/8");

	@TempDir
	Path dir;

	private NbnsResponder responder;

	@AfterEach
	void tearDown() {
		System.clearProperty(NeighbourhoodSurvey.SAMBA_CONFIG);
		System.clearProperty(NeighbourhoodSurvey.DHCP_LEASES);
		if (responder != null) {
			responder.stop();
		}
	}

	private int startResponder() throws Exception {
		for (int attempt = 0;; attempt++) {
			int port = Loopback.randomPort();
			NbnsResponder r = new NbnsResponder(Loopback.identity("WINSBOX", "ACCOUNTS", 57, null), Loopback.settings(port));
			try {
				r.start().get(10, TimeUnit.SECONDS);
				responder = r;
				return port;
			} catch (IOException e) {
				if (attempt > 5) {
					throw e;
				}
			}
		}
	}

	private void machineConfiguration() throws IOException {
		System.setProperty(NeighbourhoodSurvey.SAMBA_CONFIG,
				Files.writeString(dir.resolve("smb.conf"), "[global]\n  workgroup = accounts\n  wins server = 127.0.0.57\n").toString());
		Path leases = Files.createDirectories(dir.resolve("dhcp"));
		Files.writeString(leases.resolve("dhclient.eth9.leases"), "lease {\n  option netbios-name-servers 127.0.0.58;\n}\n");
		Files.writeString(leases.resolve("not-a-lease.txt"), "option netbios-name-servers 127.0.0.59;\n");
		System.setProperty(NeighbourhoodSurvey.DHCP_LEASES, leases.toString());
	}

	@Test
	void theConfiguredWorkgroupIsProposedAndEachWinsServerIsAskedThroughTheChosenInterface() throws Exception {
		int port = startResponder();
		machineConfiguration();
		try (NbnsClient client = new NbnsClient(new Identity("ASKER", "WG", List.of(FROM), Optional.empty()), Loopback.clientSettings(port))) {
			Survey s = new NeighbourhoodSurvey(client).survey(List.of(FROM));

			assertEquals(Optional.of("ACCOUNTS"), s.workgroup());
			assertEquals(1, s.workgroups().size(), s.workgroups().toString());
			assertTrue(s.workgroups().get(0).source().startsWith("this machine's Samba configuration ("), s.workgroups().toString());
			assertEquals(List.of("no master browser answered on 127.0.0.1/8 (broadcast to 127.255.255.255)"), s.notes());

			assertEquals(2, s.wins().size(), "the lease file only, not the other file: " + s.wins());
			Survey.Wins configured = s.wins().get(0);
			assertEquals(Loopback.host(57), configured.address());
			assertTrue(configured.answered(), configured.toString());
			assertTrue(configured.answer().startsWith("answers"), configured.answer());
			Survey.Wins leased = s.wins().get(1);
			assertEquals(Loopback.host(58), leased.address());
			assertTrue(leased.source().startsWith("a DHCP lease ("), leased.source());
			assertFalse(leased.answered(), leased.toString());
			assertEquals("did not answer from 127.0.0.1/8", leased.answer());
			assertEquals(Optional.of(Loopback.host(57)), s.answeringWins());
		}
	}

	@Test
	void withNoInterfaceItOnlyReadsTheConfigurationAndAsksNobody() throws Exception {
		machineConfiguration();
		try (NbnsClient client = new NbnsClient(new Identity("ASKER", "WG", List.of(), Optional.empty()), ClientSettings.defaults())) {
			Survey s = new NeighbourhoodSurvey(client).survey(List.of());
			assertEquals(Optional.of("ACCOUNTS"), s.workgroup());
			assertEquals(List.of(), s.notes());
			assertEquals(2, s.wins().size());
			s.wins().forEach(w -> {
				assertFalse(w.answered());
				assertEquals("not asked: no interface chosen", w.answer());
			});
		}
	}

	@Test
	void aWinsServerReachedThroughAnotherInterfaceIsNotAsked() throws Exception {
		System.setProperty(NeighbourhoodSurvey.SAMBA_CONFIG, Files.writeString(dir.resolve("smb.conf"), "wins server = 127.0.0.57\n").toString());
		System.setProperty(NeighbourhoodSurvey.DHCP_LEASES, dir.resolve("none").toString());
		BindInterface elsewhere = BindInterface.parse("127.0.0.60/8"); // not where the route to 127.0.0.57 leaves from
		try (NbnsClient client = new NbnsClient(new Identity("ASKER", "WG", List.of(elsewhere), Optional.empty()), Loopback.clientSettings(Loopback.randomPort()))) {
			Survey s = new NeighbourhoodSurvey(client).survey(List.of(elsewhere));
			assertEquals(Optional.empty(), s.workgroup(), "no workgroup in that configuration, and no master answered");
			Survey.Wins w = s.wins().get(0);
			assertFalse(w.answered());
			assertTrue(w.answer().startsWith("not asked: it is reached through 127.0.0.1/"), w.answer());
		}
	}

	@Test
	void aMastersNodeStatusNamesTheWorkgroupItIsMasterOf() {
		var status = new org.herald.netbios.NodeStatus(Loopback.host(9), List.of(
				org.herald.netbios.wire.NodeStatusEntry.active(new org.herald.api.NetbiosName("SAMBA1", 0x00), false, org.herald.netbios.wire.NodeType.B),
				org.herald.netbios.wire.NodeStatusEntry.active(new org.herald.api.NetbiosName("OTHERWG", 0x00), true, org.herald.netbios.wire.NodeType.B),
				org.herald.netbios.wire.NodeStatusEntry.active(org.herald.api.NetbiosName.MSBROWSE, true, org.herald.netbios.wire.NodeType.B),
				org.herald.netbios.wire.NodeStatusEntry.active(new org.herald.api.NetbiosName("SITEA", 0x1D), false, org.herald.netbios.wire.NodeType.B)),
				new byte[6]);
		assertEquals(Optional.of("SITEA"), NeighbourhoodSurvey.masterOf(status));
	}
}
