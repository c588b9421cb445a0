/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.herald.api.BindInterface;
import org.herald.api.Identity;
import org.junit.jupiter.api.Test;

class IdentityFormTest {

	@Test
	void roundTripsAnIdentity() {
		Identity identity = new Identity("HERALD", "LAB", List.of(BindInterface.parse("127.0.0.2/8")),
				Optional.of(BindInterface.parseIpv4("127.0.0.3")));
		IdentityForm form = IdentityForm.of(identity);
		assertEquals("127.0.0.2/8", form.interfaces());
		assertEquals(identity, form.toIdentity());
	}

	@Test
	void acceptsSpacesOrCommasBetweenInterfacesAndEmptyWins() {
		Identity identity = new IdentityForm(" herald ", "lab", "127.0.0.2/8,  127.4.0.1/16", "").toIdentity();
		assertEquals(2, identity.interfaces().size());
		assertTrue(identity.wins().isEmpty());
	}

	@Test
	void namesTheFieldThatIsWrong() {
		assertEquals("Workgroup: NetBIOS name 'A:B' contains a forbidden character at position 2",
				new IdentityForm("ok", "A:B", "", "").problem().orElseThrow());
		assertTrue(new IdentityForm("ok", "lab", "127.0.0.2", "").problem().orElseThrow().contains("prefix length"));
		assertTrue(new IdentityForm("ok", "lab", "", "wins").problem().orElseThrow().contains("not an IPv4 address"));
		assertTrue(new IdentityForm("", "lab", "", "").problem().orElseThrow().startsWith("NetBIOS name:"));
	}
}
