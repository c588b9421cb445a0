/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.ui.internal;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.stream.Collectors;

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

	/**
	 * The count for recipients in several code pages: the largest of them (a message must fit each
	 * recipient's), naming the code pages met.
	 */
	public static ByteCount of(String text, Collection<Charset> codePages, int limit) {
		ByteCount largest = null;
		for (Charset c : codePages) {
			ByteCount b = of(text, c, limit);
			if (largest == null || b.bytes() > largest.bytes()) {
				largest = b;
			}
		}
		if (largest == null) {
			throw new IllegalArgumentException("no code page");
		}
		if (codePages.size() == 1) {
			return largest;
		}
		String all = codePages.stream().map(Charset::displayName).collect(Collectors.joining(", "));
		return new ByteCount(largest.bytes(), limit, largest.encoding() + "; the recipients use " + all + ", the largest count is shown");
	}

	public boolean fits() {
		return bytes <= limit;
	}

	@Override
	public String toString() {
		return String.format("%,d / %,d bytes, %s", bytes, limit, encoding);
	}
}
