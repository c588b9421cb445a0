/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.netbios.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;

import org.herald.api.BindInterface;
import org.junit.jupiter.api.Test;

/** Reading what this machine's Samba configuration and dhclient leases say. Opens no socket. */
class LocalConfigurationTest {

	@Test
	void theGlobalSectionsWorkgroupAndWinsServersCountAndOtherSectionsDoNot() {
		var samba = LocalConfiguration.samba("""
				# a comment = ignored
				[global]
				   Workgroup = accounts
				   ; wins server = 192.0.2.99
				   WINS   Server = 192.0.2.53, wan:198.51.100.7 winsbox.example.org
				[share]
				   workgroup = NOTTHIS
				   wins server = 192.0.2.98
				""");
		assertEquals(Optional.of("ACCOUNTS"), samba.workgroup());
		assertEquals(List.of(BindInterface.parseIpv4("192.0.2.53"), BindInterface.parseIpv4("198.51.100.7")), samba.winsServers(),
				"tagged addresses count; a host name is left out, Herald never asks DNS");
	}

	@Test
	void aContinuedLineAndTheLastOfTwoValuesCount() {
		var samba = LocalConfiguration.samba("[global]\nworkgroup = FIRST\nworkgroup = \\\n  SECOND\nwins server = 192.0.2.1 \\\n 192.0.2.2\n");
		assertEquals(Optional.of("SECOND"), samba.workgroup());
		assertEquals(List.of(BindInterface.parseIpv4("192.0.2.1"), BindInterface.parseIpv4("192.0.2.2")), samba.winsServers());
	}

	@Test
	void settingsBeforeAnySectionAreGlobalAndAnEmptyFileSaysNothing() {
		assertEquals(Optional.of("LAB"), LocalConfiguration.samba("workgroup=lab").workgroup());
		assertEquals(new LocalConfiguration.Samba(Optional.empty(), List.of()), LocalConfiguration.samba(""));
	}

	@Test
	void theNewestLeasesNameServersComeFirst() {
		String leases = """
				lease {
				  interface "eth0";
				  option netbios-name-servers 192.0.2.10;
				  renew 4 2026/12/03 10:00:00;
				}
				lease {
				  interface "eth0";
				  option netbios-name-servers 192.0.2.20, 192.0.2.10;
				  option domain-name-servers 192.0.2.1;
				}
				""";
		assertEquals(List.of(BindInterface.parseIpv4("192.0.2.20"), BindInterface.parseIpv4("192.0.2.10")), LocalConfiguration.dhcpNameServers(leases));
		assertEquals(List.of(), LocalConfiguration.dhcpNameServers("lease { option domain-name-servers 192.0.2.1; }"));
	}
}
