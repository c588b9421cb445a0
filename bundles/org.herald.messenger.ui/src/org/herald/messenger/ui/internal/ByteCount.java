/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.ui.internal;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * The composer's live count: how many bytes the text takes on the wire (line ends as CRLF, the OEM
 * code page when every character fits, else UTF-8, as the messenger sends it) against the limit.
 */
public record ByteCount(int bytes, int limit, String encoding) {

	public static ByteCount of(String text, Charset oem, int limit) {
		String crlf = text.replace("\r\n", "\n").replace('\r', '\n').replace("\n", "\r\n");
		if (oem.newEncoder().canEncode(crlf)) {
			return new ByteCount(crlf.getBytes(oem).length, limit, oem.displayName());
		}
		return new ByteCount(crlf.getBytes(StandardCharsets.UTF_8).length, limit, "UTF-8 (some characters are not in " + oem.displayName() + ")");
	}

	public boolean fits() {
		return bytes <= limit;
	}

	@Override
	public String toString() {
		return String.format("%,d / %,d bytes, %s", bytes, limit, encoding);
	}
}
