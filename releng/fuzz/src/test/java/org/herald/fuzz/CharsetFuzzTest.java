/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.fuzz;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.herald.messenger.wire.DecodedText;
import org.herald.messenger.wire.MessageCharset;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Message text and names: {@link MessageCharset#decodeText} and {@link MessageCharset#decodeName}
 * (OEM or detected UTF-8, cleaned). The first byte picks the OEM code page. Decoding never fails;
 * its result holds no control character but TAB and LF, names not even LF.
 */
class CharsetFuzzTest {

	private static final MessageCharset[] CODE_PAGES = { MessageCharset.defaultOem(), MessageCharset.named("IBM437"),
			MessageCharset.named("IBM866"), MessageCharset.named("windows-1252"), MessageCharset.named("IBM852"),
			MessageCharset.named("x-IBM737"), MessageCharset.named("Shift_JIS"), MessageCharset.named("US-ASCII") };

	@FuzzTest
	void decode(byte[] input) {
		if (input.length == 0) {
			return;
		}
		MessageCharset charset = CODE_PAGES[(input[0] & 0xFF) % CODE_PAGES.length];
		byte[] raw = Arrays.copyOfRange(input, 1, input.length);
		DecodedText text = charset.decodeText(raw);
		assertClean(text.text(), true);
		DecodedText name = charset.decodeName(raw);
		assertClean(name.text(), false);
		charset.encodeText(text.text());
	}

	private static void assertClean(String s, boolean lineEnds) {
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			boolean allowed = c == '\t' || lineEnds && c == '\n' || c >= 0x20 && c != 0x7F && !(c >= 0x80 && c < 0xA0);
			assertTrue(allowed, () -> String.format("control character U+%04X left in decoded text", (int) c));
		}
		assertFalse(s.indexOf('\r') >= 0);
	}
}
