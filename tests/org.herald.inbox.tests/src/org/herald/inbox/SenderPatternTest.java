/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.herald.api.BindInterface;
import org.junit.jupiter.api.Test;

class SenderPatternTest {

	@Test
	void parsesSubnetsAddressesAndNames() {
		assertEquals(new SenderPattern(SenderPattern.Kind.SUBNET, "198.51.100.0/24"), SenderPattern.parse(" 198.51.100.77/24 "));
		assertEquals(new SenderPattern(SenderPattern.Kind.SUBNET, "0.0.0.0/0"), SenderPattern.parse("127.1.2.3/0"));
		assertEquals(new SenderPattern(SenderPattern.Kind.ADDRESS, "198.51.100.7"), SenderPattern.parse("198.51.100.7"));
		assertEquals(new SenderPattern(SenderPattern.Kind.NAME, "SPAMMER"), SenderPattern.parse("spammer"));
		assertEquals(new SenderPattern(SenderPattern.Kind.NAME, "JOHN DOE"), SenderPattern.parse("John Doe"));
		assertThrows(IllegalArgumentException.class, () -> SenderPattern.parse("198.51.100.300"));
		assertThrows(IllegalArgumentException.class, () -> SenderPattern.parse("198.51.100.0/33"));
		assertThrows(IllegalArgumentException.class, () -> SenderPattern.parse("  "));
	}

	@Test
	void matchesByNameIgnoringCaseByAddressAndBySubnet() {
		var inside = BindInterface.parseIpv4("198.51.100.9");
		var outside = BindInterface.parseIpv4("198.51.101.9");
		assertTrue(SenderPattern.parse("spammer").matches("Spammer ", outside));
		assertFalse(SenderPattern.parse("spammer").matches("SPAMMER2", outside));
		assertTrue(SenderPattern.parse("198.51.100.9").matches("X", inside));
		assertFalse(SenderPattern.parse("198.51.100.9").matches("X", outside));
		assertTrue(SenderPattern.parse("198.51.100.0/24").matches("X", inside));
		assertFalse(SenderPattern.parse("198.51.100.0/24").matches("X", outside));
		assertTrue(SenderPattern.parse("198.51.100.0/23").matches("X", outside));
	}

	@Test
	void aTrustedNetworkCannotBeAName() {
		assertThrows(IllegalArgumentException.class, () -> new SpamRule(SpamRule.RuleList.TRUST, SenderPattern.parse("HOST")));
	}
}
