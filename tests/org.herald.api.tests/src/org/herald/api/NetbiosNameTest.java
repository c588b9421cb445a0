/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NetbiosNameTest {

	@Test
	void upperCasesAndPrintsLikeNbtstat() {
		NetbiosName name = new NetbiosName("herald", NetbiosName.MESSENGER);
		assertEquals("HERALD", name.name());
		assertEquals("HERALD<03>", name.toString());
	}

	@Test
	void parsesNmblookupAndNbtstatForms() {
		assertEquals(new NetbiosName("WG", 0x1D), NetbiosName.parse("wg#1d", 0));
		assertEquals(new NetbiosName("WG", 0x1E), NetbiosName.parse("WG<1E>", 0));
		assertEquals(new NetbiosName("HOST", 0x20), NetbiosName.parse("host", 0x20));
	}

	@Test
	void badSuffixSaysWhy() {
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NetbiosName.parse("HOST#zz", 0));
		assertTrue(e.getMessage().contains("two hex digits"), e.getMessage());
		assertThrows(IllegalArgumentException.class, () -> NetbiosName.parse("HOST#100", 0));
	}

	@ParameterizedTest
	@ValueSource(strings = { "SIXTEEN-CHARS-XX", "A*B", "A?B", "A/B", "A\\B", " LEAD", "TAB\tX" })
	void refusesNamesAUserMustNotGive(String bad) {
		assertNotNull(NetbiosName.problemWith(bad));
	}

	@Test
	void holdsAnyNameTheWireCarries() {
		assertEquals("..__MSBROWSE__.<01>", NetbiosName.MSBROWSE.toString());
		assertThrows(IllegalArgumentException.class, () -> new NetbiosName("SIXTEEN-CHARS-XX", 0));
		assertThrows(IllegalArgumentException.class, () -> new NetbiosName("NUL\0", 0));
		assertThrows(IllegalArgumentException.class, () -> new NetbiosName("WIDE\u0100", 0));
	}

	@Test
	void upperCasesOnlyAscii() {
		assertEquals("\u00FFBC", new NetbiosName("\u00FFbc", 0).name());
	}

	@Test
	void acceptsFifteenCharactersAndPunctuationWindowsAllows() {
		assertNull(NetbiosName.problemWith("FIFTEEN-CHARS-X"));
		assertNull(NetbiosName.problemWith("HOST_1.LAB"));
		assertEquals("__MSBROWSE__", new NetbiosName("__MSBROWSE__", 1).name());
	}

	@Test
	void wildcardIsTheOnlyNameWithAStar() {
		assertTrue(NetbiosName.WILDCARD.isWildcard());
		assertEquals(0, NetbiosName.WILDCARD.suffix());
	}

	@Test
	void ordersByNameThenSuffix() {
		assertTrue(new NetbiosName("A", 3).compareTo(new NetbiosName("A", 0x20)) < 0);
		assertTrue(new NetbiosName("B", 0).compareTo(new NetbiosName("A", 0x20)) > 0);
	}
}
