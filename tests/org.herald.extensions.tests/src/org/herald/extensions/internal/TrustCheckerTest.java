/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.extensions.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.equinox.p2.core.UIServices.TrustInfo;
import org.junit.jupiter.api.Test;

class TrustCheckerTest {

	@Test
	void refusesUnsignedAndSaysWhat() {
		TrustChecker checker = new TrustChecker(false);
		TrustInfo info = checker.getTrustInfo(null, List.of(), new String[] { "osgi.bundle,org.example.a,1.0.0" });
		assertFalse(info.trustUnsignedContent());
		assertEquals(List.of("unsigned: osgi.bundle,org.example.a,1.0.0"), checker.refused());
	}

	@Test
	void allowsUnsignedWhenTold() {
		TrustChecker checker = new TrustChecker(true);
		TrustInfo info = checker.getTrustInfo(null, List.of(), new String[] { "osgi.bundle,org.example.a,1.0.0" });
		assertTrue(info.trustUnsignedContent());
		assertTrue(checker.refused().isEmpty());
	}

	@Test
	void neverAnswersPasswordPrompts() {
		TrustChecker checker = new TrustChecker(true);
		assertEquals(null, checker.getUsernamePassword("http://127.0.0.1/"));
	}
}
