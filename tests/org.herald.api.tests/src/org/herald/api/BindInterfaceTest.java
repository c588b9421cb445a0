/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BindInterfaceTest {

	@Test
	void broadcastFollowsThePrefix() {
		assertEquals("127.255.255.255", BindInterface.parse("127.0.0.2/8").broadcast().getHostAddress());
		assertEquals("198.51.100.255", BindInterface.parse("198.51.100.7/24").broadcast().getHostAddress());
		assertEquals("198.51.100.7", BindInterface.parse("198.51.100.7/32").broadcast().getHostAddress());
	}

	@Test
	void containsOnlyItsSubnet() {
		BindInterface lo = BindInterface.parse("127.0.0.2/8");
		assertTrue(lo.contains(BindInterface.parseIpv4("127.9.8.7")));
		assertFalse(lo.contains(BindInterface.parseIpv4("198.51.100.1")));
	}

	@Test
	void bareAddressIsRefusedWithTheReason() {
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BindInterface.parse("127.0.0.2"));
		assertTrue(e.getMessage().contains("prefix length"), e.getMessage());
	}

	@ParameterizedTest
	@ValueSource(strings = { "localhost", "1.2.3", "1.2.3.4.5", "256.1.1.1", "1.2.3.-1", "01234.1.1.1", "" })
	void parsesOnlyDottedQuadsAndNeverAsksDns(String bad) {
		assertThrows(IllegalArgumentException.class, () -> BindInterface.parseIpv4(bad));
	}

	@Test
	void optionsOverlayOnlyWhatIsGiven() {
		Identity saved = new Identity("saved", "wg", List.of(BindInterface.parse("127.0.0.2/8")), Optional.empty());
		IdentityOptions options = new IdentityOptions(Optional.of("other"), Optional.empty(), Optional.empty(),
				Optional.of(BindInterface.parseIpv4("127.0.0.9")));
		Identity applied = options.applyTo(saved);
		assertEquals("OTHER", applied.name());
		assertEquals("WG", applied.workgroup());
		assertEquals(saved.interfaces(), applied.interfaces());
		assertEquals("127.0.0.9", applied.wins().orElseThrow().getHostAddress());
		assertEquals(saved, IdentityOptions.NONE.applyTo(saved));
	}
}
