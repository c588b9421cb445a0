/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;

import org.herald.api.BindInterface;
import org.herald.api.MessagePath;
import org.herald.api.NetbiosName;
import org.junit.jupiter.api.Test;

class RecipientTest {

	@Test
	void addressesNamesAndRanges() {
		assertEquals(new Recipient.Address(BindInterface.parseIpv4("198.51.100.7")), Recipient.parse("198.51.100.7"));
		assertEquals(new Recipient.Name(new NetbiosName("BOB", 3)), Recipient.parse("bob"));
		assertEquals(new Recipient.Name(new NetbiosName("BOB", 0x20)), Recipient.parse("BOB#20"));
		assertEquals(new Recipient.Name(new NetbiosName("BOB", 0x03)), Recipient.parse("BOB<03>"));

		Recipient.Range r = assertInstanceOf(Recipient.Range.class, Recipient.parse("198.51.100.10-20"));
		assertEquals(11, r.addresses().size());
		assertEquals("198.51.100.20", r.addresses().get(10).getHostAddress());
		assertEquals(3, ((Recipient.Range) Recipient.parse("198.51.100.254-198.51.101.0")).addresses().size());

		List<java.net.Inet4Address> net = ((Recipient.Range) Recipient.parse("198.51.100.0/24")).addresses();
		assertEquals(254, net.size(), "host addresses only: no network or broadcast address");
		assertEquals("198.51.100.1", net.get(0).getHostAddress());
		assertEquals("198.51.100.254", net.get(253).getHostAddress());
		assertEquals(2, ((Recipient.Range) Recipient.parse("198.51.100.8/31")).addresses().size());
	}

	@Test
	void badTargets() {
		assertThrows(IllegalArgumentException.class, () -> Recipient.parse("10.0.0.0/8"), "more than a /16");
		assertThrows(IllegalArgumentException.class, () -> Recipient.parse("198.51.100.9-1"));
		assertThrows(IllegalArgumentException.class, () -> Recipient.parse("198.51.100.300"));
		assertThrows(IllegalArgumentException.class, () -> Recipient.parse(""));
		assertThrows(IllegalArgumentException.class, () -> Recipient.parse("A*B"));
		assertThrows(IllegalArgumentException.class, () -> Recipient.parse("NAMELONGERTHAN15"));
	}

	@Test
	void deliveryLines() {
		var ip = BindInterface.parseIpv4("198.51.100.3");
		assertEquals("BOB<03> 198.51.100.3 session delivered (via 139)", Delivery.delivered("BOB<03>", ip, "via 139").line());
		assertEquals("WG (workgroup) 198.51.100.255 mailslot sent-unconfirmed",
				Delivery.sentUnconfirmed("WG (workgroup)", BindInterface.parseIpv4("198.51.100.255"), "").line());
		assertEquals("X<03> - - failed name-not-found (no answer)",
				Delivery.failed("X<03>", Optional.empty(), Optional.empty(), Delivery.FailureReason.NAME_NOT_FOUND, "no answer").line());
		assertThrows(IllegalArgumentException.class,
				() -> new Delivery("x", Optional.of(ip), Optional.of(MessagePath.SESSION), Delivery.Status.FAILED, Optional.empty(), ""));
	}
}
