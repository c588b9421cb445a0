/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class InboxTraceTest {

	private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
	private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

	private List<String> lines() {
		return bytes.toString(StandardCharsets.UTF_8).lines().toList();
	}

	@Test
	void isSilentWhenOff() {
		InboxTrace trace = new InboxTrace(false, out);
		trace.log("ids %d in %d ms", 1_000_000, 412);
		assertFalse(trace.shown(5));
		trace.flushShown();
		assertEquals(List.of(), lines());
	}

	@Test
	void stampsEachLineWithWallClockProcessAndPartTimes() {
		long before = System.currentTimeMillis();
		InboxTrace trace = new InboxTrace(true, out);
		trace.log("ids %d in %d ms", 1_000_000, 412);
		List<String> lines = lines();
		assertEquals(1, lines.size());
		String line = lines.get(0);
		assertTrue(line.matches("inbox: epoch=\\d+ jvm=\\d+ part=\\d+ ids 1000000 in 412 ms"), line);
		long epoch = Long.parseLong(line.replaceAll(".*epoch=(\\d+).*", "$1"));
		assertTrue(epoch >= before && epoch <= System.currentTimeMillis(), line);
	}

	@Test
	void reportsTheRowsDrawnInOneTurnAsOneRange() {
		InboxTrace trace = new InboxTrace(true, out);
		assertTrue(trace.shown(999_950), "the first row of a batch asks for a flush");
		assertFalse(trace.shown(999_999));
		assertFalse(trace.shown(999_975));
		trace.flushShown();
		assertTrue(trace.shown(0), "after a flush a new batch starts");
		trace.flushShown();
		trace.flushShown(); // nothing drawn since: no line
		List<String> lines = lines();
		assertEquals(2, lines.size(), lines.toString());
		assertTrue(lines.get(0).endsWith(" rows 999950-999999 shown"), lines.get(0));
		assertTrue(lines.get(1).endsWith(" rows 0-0 shown"), lines.get(1));
	}
}
