/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.Charset;

import org.herald.messenger.Messenger;
import org.herald.messenger.OemCodePage;
import org.herald.ui.testing.UiTesting;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The OEM code page chosen in Preferences is the one the real messenger service sends in. */
class CharsetsTest {

	@AfterEach
	void restore() throws Exception {
		OemCodePage.save(Charset.forName("IBM850"));
	}

	@Test
	void theSavedCodePageIsTheMessengersAndBadNamesAreRefused() throws Exception {
		Messenger messenger = UiTesting.service(Messenger.class);
		assertEquals("IBM850", messenger.oem().name(), "CP850 when nothing is saved");
		OemCodePage.save(CharsetsPage.parse("IBM437 (United States)"));
		assertEquals("IBM437", messenger.oem().name());
		assertNull(CharsetsPage.parse("no-such-code-page"));
		assertNull(CharsetsPage.parse("  "));
	}
}
