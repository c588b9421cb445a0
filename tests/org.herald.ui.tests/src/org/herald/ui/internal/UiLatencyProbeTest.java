/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.ui.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.eclipse.swt.widgets.Display;
import org.junit.jupiter.api.Test;

/** The UI latency probe on a real SWT display. */
class UiLatencyProbeTest {

	@Test
	void writesOneSampleForEachRunnableTheUiThreadRan() {
		Display display = Display.getDefault();
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		UiLatencyProbe probe = new UiLatencyProbe(new PrintStream(bytes, true, StandardCharsets.UTF_8));
		long before = System.currentTimeMillis();
		probe.start(display);
		try {
			long deadline = System.currentTimeMillis() + 30_000;
			while (bytes.toString(StandardCharsets.UTF_8).lines().count() < 3 && System.currentTimeMillis() < deadline) {
				if (!display.readAndDispatch()) {
					display.timerExec(100, () -> {
						// wakes the loop to look at the output again
					});
					display.sleep();
				}
			}
		} finally {
			probe.stop();
		}
		List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
		assertTrue(lines.size() >= 3, "samples: " + lines);
		for (String line : lines) {
			assertTrue(line.matches("ui-latency: epoch=\\d+ delay_us=\\d+"), line);
			long epoch = Long.parseLong(line.replaceAll(".*epoch=(\\d+).*", "$1"));
			assertTrue(epoch >= before, line);
		}
	}

	@Test
	void staysOffWithoutItsProperty() {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		UiLatencyProbe probe = new UiLatencyProbe(new PrintStream(bytes, true, StandardCharsets.UTF_8));
		System.clearProperty(UiLatencyProbe.PROPERTY);
		probe.start(); // the addon's entry point
		probe.stop();
		assertTrue(bytes.size() == 0, bytes.toString(StandardCharsets.UTF_8));
	}
}
