/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.util.List;
import java.util.Set;

import org.herald.api.BindInterface;
import org.junit.jupiter.api.Test;

/** Rules: parsing with clear errors, precedence, the stored text form. */
class CodePagesTest {

	private static final Charset CP850 = Charset.forName("IBM850");
	private static final Charset CP866 = Charset.forName("IBM866");
	private static final Charset CP737 = Charset.forName("x-IBM737");
	private static final Charset CP852 = Charset.forName("IBM852");
	private static final Charset CP437 = Charset.forName("IBM437");

	private static CodePages pages() {
		return CodePages.standard()
				.with(CodePageRule.parse("workgroup:ATHENS", "CP737"))
				.with(CodePageRule.parse("198.51.100.0/24", "CP852"))
				.with(CodePageRule.parse("198.51.100.128/25", "CP866"))
				.with(CodePageRule.parse("198.51.100.200", "CP437"))
				.with(CodePageRule.parse("dosbox", "cp866"));
	}

	private static java.net.Inet4Address ip(String s) {
		return BindInterface.parseIpv4(s);
	}

	@Test
	void matchesParseByTheirLook() {
		assertEquals(new CodePageMatch.Host("DOSBOX"), CodePageMatch.parse("dosbox"));
		assertEquals(new CodePageMatch.Host("DOSBOX"), CodePageMatch.parse("host:DosBox"));
		assertEquals(CodePageMatch.Network.of(ip("198.51.100.7")), CodePageMatch.parse("198.51.100.7"));
		assertEquals(new CodePageMatch.Network(ip("198.51.100.0"), 24), CodePageMatch.parse(" 198.51.100.0/24 "));
		assertEquals(new CodePageMatch.Workgroup("ATHENS"), CodePageMatch.parse("workgroup:athens"));
		assertEquals(new CodePageMatch.Workgroup("ATHENS"), CodePageMatch.parse("/DOMAIN:ATHENS"));
		assertEquals("198.51.100.7", CodePageMatch.parse("198.51.100.7").text());
		assertEquals("198.51.100.0/24", CodePageMatch.parse("198.51.100.0/24").text());
		assertEquals("address", CodePageMatch.parse("198.51.100.0/24").kind());
	}

	@Test
	void badMatchesSayWhatIsWrong() {
		assertEquals("198.51.100.7/24 has host bits set; the network is 198.51.100.0/24",
				assertThrows(IllegalArgumentException.class, () -> CodePageMatch.parse("198.51.100.7/24")).getMessage());
		assertTrue(assertThrows(IllegalArgumentException.class, () -> CodePageMatch.parse("198.51.100.0/33")).getMessage()
				.contains("bad prefix length"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> CodePageMatch.parse("198.51.300.1")).getMessage()
				.contains("not an IPv4 address"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> CodePageMatch.parse("A*B")).getMessage()
				.contains("forbidden character"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> CodePageMatch.parse("SIXTEENCHARSLONG")).getMessage()
				.contains("longer than 15"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> CodePageMatch.parse("BOB#03")).getMessage()
				.contains("without a suffix"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> CodePageMatch.parse("workgroup:")).getMessage()
				.contains("must not be empty"));
		assertThrows(IllegalArgumentException.class, () -> CodePageMatch.parse("  "));
		assertThrows(IllegalArgumentException.class, () -> CodePageMatch.of("printer", "X"));
	}

	@Test
	void codePagesMustBeKnownAndOemLike() {
		assertEquals(CP866, CodePageRule.codePage("CP866"));
		assertEquals(CP866, CodePageRule.codePage("ibm866"));
		assertEquals(CP737, CodePageRule.codePage("cp737"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> CodePageRule.codePage("CP9999")).getMessage()
				.startsWith("unknown code page 'CP9999'"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> CodePageRule.codePage("UTF-16")).getMessage()
				.contains("not an OEM code page"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> CodePageRule.codePage("")).getMessage().contains("no code page"));
		assertThrows(IllegalArgumentException.class, () -> CodePages.of(Charset.forName("UTF-16LE")));
	}

	@Test
	void theMostSpecificRuleDecides() {
		CodePages p = pages();
		// host name over every address rule
		assertEquals(CP866, p.codePageFor(List.of("DOSBOX"), ip("198.51.100.7"), "ATHENS"));
		// any of the names known may match, case does not matter
		assertEquals(CP866, p.codePageFor(List.of("", "dosbox"), null, null));
		// the longest prefix: /32 over /25 over /24
		assertEquals(CP437, p.codePageFor(List.of("OTHER"), ip("198.51.100.200"), "ATHENS"));
		assertEquals(CP866, p.codePageFor(List.of("OTHER"), ip("198.51.100.129"), "ATHENS"));
		assertEquals(CP852, p.codePageFor(List.of("OTHER"), ip("198.51.100.7"), "ATHENS"));
		// the workgroup when no name or address rule applies
		assertEquals(CP737, p.codePageFor(List.of("OTHER"), ip("192.0.2.1"), "athens"));
		// else the default
		assertEquals(CP850, p.codePageFor(List.of("OTHER"), ip("192.0.2.1"), "LAB"));
		assertEquals(CP850, p.codePageFor(List.of(), null, null));
		assertEquals("address 198.51.100.128/25 IBM866", p.decide(List.of(), ip("198.51.100.130"), null).orElseThrow().toString());
	}

	@Test
	void rulesKeepTheirOrderAndASecondRuleForAMatchReplacesTheFirst() {
		CodePages p = pages().with(CodePageRule.parse("198.51.100.0/24", "CP866"));
		assertEquals(List.of("workgroup ATHENS x-IBM737", "address 198.51.100.0/24 IBM866", "address 198.51.100.128/25 IBM866",
				"address 198.51.100.200 IBM437", "host DOSBOX IBM866"), p.rules().stream().map(Object::toString).toList());
		CodePages fewer = p.without(CodePageMatch.parse("198.51.100.128/25"));
		assertEquals(4, fewer.rules().size());
		assertEquals(CP866, fewer.codePageFor(List.of(), ip("198.51.100.130"), null));
		assertEquals(fewer, fewer.without(CodePageMatch.parse("NOSUCH")));
		assertTrue(p.hasWorkgroupRules());
		assertFalse(p.without(CodePageMatch.parse("workgroup:ATHENS")).hasWorkgroupRules());
		assertEquals(CP866, p.withDefault(CP866).defaultCodePage());
		assertEquals(p.rules(), p.withDefault(CP866).rules());
	}

	@Test
	void aRangeMayMeetSeveralCodePages() {
		CodePages p = pages();
		assertEquals(Set.of(CP852), p.codePagesForRange(ip("198.51.100.1"), ip("198.51.100.20")));
		assertEquals(Set.of(CP852, CP866, CP437), p.codePagesForRange(ip("198.51.100.100"), ip("198.51.100.254")));
		assertEquals(Set.of(CP852, CP866, CP437, CP850), p.codePagesForRange(ip("198.51.99.250"), ip("198.51.100.254")));
		assertEquals(Set.of(CP850), p.codePagesForRange(ip("192.0.2.1"), ip("192.0.2.9")));
	}

	@Test
	void theStoredTextRoundTripsAndBadLinesAreReported() {
		CodePages p = pages();
		String text = CodePageText.encode(p.rules());
		assertEquals("workgroup\tATHENS\tx-IBM737\naddress\t198.51.100.0/24\tIBM852\naddress\t198.51.100.128/25\tIBM866\n"
				+ "address\t198.51.100.200\tIBM437\nhost\tDOSBOX\tIBM866\n", text);
		assertEquals(p.rules(), CodePageText.decode(text).rules());
		CodePageText.Decoded d = CodePageText.decode("host\tDOSBOX\tIBM866\nhost\tGREEK\tno-such-cp\nnonsense\n\naddress\t1.2.3.4/8\tIBM850\n");
		assertEquals(List.of(CodePageRule.parse("DOSBOX", "CP866")), d.rules());
		assertEquals(3, d.problems().size(), d.problems().toString());
		assertTrue(d.problems().get(0).contains("unknown code page 'no-such-cp'"), d.problems().get(0));
		assertTrue(d.problems().get(2).contains("host bits set"), d.problems().get(2));
		assertEquals(List.of(), CodePageText.decode("").rules());
	}
}
