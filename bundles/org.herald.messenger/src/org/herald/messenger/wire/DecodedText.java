/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.wire;

/**
 * Text decoded from message bytes.
 *
 * @param text     the text, line ends normalised to \n
 * @param utf8     whether the bytes were raw UTF-8 (what smbclient sends when the text does not fit
 *                 the DOS charset) rather than the OEM code page
 * @param repaired whether Herald had to change something to get clean text (control bytes removed,
 *                 a UTF-8 sequence cut off at the end, text cut at a length limit)
 */
public record DecodedText(String text, boolean utf8, boolean repaired) {

	public DecodedText markRepaired() {
		return new DecodedText(text, utf8, true);
	}
}
