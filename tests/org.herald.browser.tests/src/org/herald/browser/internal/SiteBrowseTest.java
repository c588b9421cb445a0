/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.browser.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.herald.api.BindInterface;
import org.herald.api.Identity;
import org.herald.browser.BrowseModel;
import org.herald.browser.BrowserSettings;
import org.junit.jupiter.api.Test;

/** The parts of a site browse that need no network: subnets of hosts, and what it needs to start. */
class SiteBrowseTest {

	private static final Identity ON_TWO = new Identity("ADMIN", "SITEA",
			List.of(BindInterface.parse("198.51.100.2/24"), BindInterface.parse("10.1.2.3/16")), Optional.empty());

	@Test
	void anOnLinkHostHasItsInterfacesSubnet() {
		assertEquals("198.51.100.0/24 (on-link)", SiteBrowse.subnetOf(ON_TWO, BindInterface.parseIpv4("198.51.100.77")));
		assertEquals("10.1.0.0/16 (on-link)", SiteBrowse.subnetOf(ON_TWO, BindInterface.parseIpv4("10.1.200.9")));
	}

	@Test
	void aRoutedHostHasItsClassfulNetwork() {
		assertEquals("203.0.113.0/24 (routed, classful)", SiteBrowse.subnetOf(ON_TWO, BindInterface.parseIpv4("203.0.113.9")));
		assertEquals("172.16.0.0/16 (routed, classful)", SiteBrowse.subnetOf(ON_TWO, BindInterface.parseIpv4("172.16.5.1")));
		assertEquals("10.0.0.0/8 (routed, classful)", SiteBrowse.subnetOf(ON_TWO, BindInterface.parseIpv4("10.9.0.1")));
	}

	@Test
	void aSiteBrowseNeedsAWinsServer() {
		SiteBrowse s = new SiteBrowse(ON_TWO, BrowserSettings.defaults(), new BrowseModel(), Clock.systemUTC());
		IOException e = assertThrows(IOException.class, () -> s.round(List.of()));
		assertTrue(e.getMessage().contains("--wins"), e.getMessage());
	}
}
