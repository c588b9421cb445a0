/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.api.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class OptionsTest {

	private final Options options = new Options().flag("--json", "print JSON").value("--rate", "N", "messages per second")
			.value("--wait", "MS", "how long to wait").repeatable("--to", "NAME", "a recipient").value("--wins", "IP", "the WINS server");

	@Test
	void readsBothSpellingsAnywhere() throws UsageException {
		ParsedOptions p = options.parse(List.of("a", "--rate", "5", "b", "--wait=250", "--json", "--to", "X", "--to=Y"));
		assertTrue(p.has("--json"));
		assertEquals(5, p.integer("--rate", 0, 100000, 1));
		assertEquals(Duration.ofMillis(250), p.millis("--wait", 0, 1000, Duration.ZERO));
		assertEquals(List.of("X", "Y"), p.all("--to"));
		assertEquals(List.of("a", "b"), p.operands());
	}

	@Test
	void defaultsWhenAbsent() throws UsageException {
		ParsedOptions p = options.parse(List.of());
		assertFalse(p.has("--json"));
		assertEquals(7, p.integer("--rate", 0, 10, 7));
		assertTrue(p.ipv4("--wins").isEmpty());
	}

	@Test
	void doubleDashEndsOptions() throws UsageException {
		ParsedOptions p = options.parse(List.of("--json", "--", "--rate", "-x"));
		assertEquals(List.of("--rate", "-x"), p.operands());
	}

	@Test
	void saysWhatIsWrong() throws UsageException {
		assertEquals("unknown option '--x'", assertThrows(UsageException.class, () -> options.parse(List.of("--x"))).getMessage());
		assertEquals("unknown option '--x'", assertThrows(UsageException.class, () -> options.parse(List.of("--x=1"))).getMessage());
		assertEquals("--wait needs a value", assertThrows(UsageException.class, () -> options.parse(List.of("--wait"))).getMessage());
		assertEquals("--json takes no value", assertThrows(UsageException.class, () -> options.parse(List.of("--json=1"))).getMessage());
		assertEquals(2, options.parse(List.of("--rate", "1", "--rate=2")).integer("--rate", 0, 9, 0));
		ParsedOptions p = options.parse(List.of("--rate", "x", "--wins", "1.2.3"));
		assertEquals("--rate wants a number from 0 to 100000, not 'x'",
				assertThrows(UsageException.class, () -> p.integer("--rate", 0, 100000, 0)).getMessage());
		assertEquals("--wins: not an IPv4 address: '1.2.3'", assertThrows(UsageException.class, () -> p.ipv4("--wins")).getMessage());
	}

	@Test
	void anOptionalValueStandsAloneOrFollowsAnEqualsSign() throws UsageException {
		Options o = new Options().optionalValue("--domain", "WG", "the workgroup").flag("--json", "print JSON");
		ParsedOptions p = o.parse(List.of("--domain", "BOB", "--domain=LAB", "--json"));
		assertEquals(List.of("", "LAB"), p.all("--domain"));
		assertEquals(List.of("BOB"), p.operands());
		assertEquals("  --domain[=WG]  the workgroup\n  --json         print JSON", o.usageLines());
	}

	@Test
	void parseKnownLeavesTheRestInOrder() throws UsageException {
		Options identity = new Options().value("--name", "NAME", "our name").flag("--quiet", "say less");
		ParsedOptions p = identity.parseKnown(List.of("send", "--name", "HERALD", "--from=X", "BOB", "--quiet", "--", "--name", "text"));
		assertEquals("HERALD", p.string("--name").orElseThrow());
		assertTrue(p.has("--quiet"));
		assertEquals(List.of("send", "--from=X", "BOB", "--", "--name", "text"), p.operands());
		assertEquals("--name needs a value", assertThrows(UsageException.class, () -> identity.parseKnown(List.of("x", "--name"))).getMessage());
		assertEquals("--quiet takes no value",
				assertThrows(UsageException.class, () -> identity.parseKnown(List.of("--quiet=yes"))).getMessage());
	}

	@Test
	void readsAnIpv4Address() throws UsageException {
		assertEquals("127.0.0.9", options.parse(List.of("--wins=127.0.0.9")).ipv4("--wins").orElseThrow().getHostAddress());
	}

	@Test
	void usageLinesComeFromTheDeclarations() {
		assertEquals(String.join("\n", "  --json         print JSON", "  --rate N       messages per second", "  --wait MS      how long to wait",
				"  --to NAME ...  a recipient", "  --wins IP      the WINS server"), options.usageLines());
		assertEquals("[--json] [--rate N] [--wait MS] [--to NAME]... [--wins IP]", options.synopsis());
	}
}
