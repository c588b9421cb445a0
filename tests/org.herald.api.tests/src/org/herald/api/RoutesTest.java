/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet4Address;
import java.net.NetworkInterface;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The routing table's choice of source address, on loopback targets (real sockets, nothing is sent). */
class RoutesTest {

	private static Inet4Address ip(String s) {
		return BindInterface.parseIpv4(s);
	}

	@Test
	void aLoopbackTargetIsReachedFromTheLoopbackInterfaceWithItsPrefix() throws Exception {
		BindInterface route = Routes.to(ip("127.0.0.5"));
		// Linux: "local 127.0.0.0/8 dev lo src 127.0.0.1"; lo carries 127.0.0.1/8
		assertEquals(BindInterface.parse("127.0.0.1/8"), route);
		assertTrue(NetworkInterface.getByInetAddress(route.address()).isLoopback(), "a local address of lo");
	}

	@Test
	void targetsOnOneRouteGiveOneInterface() throws Exception {
		assertEquals(List.of(BindInterface.parse("127.0.0.1/8")),
				Routes.to(List.of(ip("127.0.0.5"), ip("127.0.0.6"), ip("127.1.2.3"), ip("127.200.0.1"))));
	}

	@Test
	void noTargetIsAClearError() {
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Routes.to(List.<Inet4Address>of()));
		assertEquals("no target to route to", e.getMessage());
	}

	@Test
	void configuredInterfacesWinOverTheRoutingTable() throws Exception {
		Identity configured = new Identity("ME", "WG", List.of(BindInterface.parse("127.0.0.9/8")), Optional.empty());
		assertSame(configured, configured.orRoutedTo(List.of(ip("127.0.0.5"))));
	}

	@Test
	void anIdentityWithoutInterfacesIsRoutedAndSaysSo() throws Exception {
		Identity none = new Identity("ME", "WG", List.of(), Optional.empty());
		Identity routed = none.orRoutedTo(List.of(ip("127.0.0.5")));
		assertEquals(List.of(BindInterface.parse("127.0.0.1/8")), routed.interfaces());
		assertEquals("ME", routed.name());
		assertEquals(BindInterface.parse("127.0.0.1/8"), routed.interfaceFor(ip("127.0.0.5")));
		assertEquals("via 127.0.0.1/8 (no interfaces configured: the routing table's choice for 127.0.0.5)",
				Routes.describe(routed, List.of(ip("127.0.0.5"))));
	}
}
