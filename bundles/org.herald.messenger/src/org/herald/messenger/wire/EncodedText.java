/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.wire;

/**
 * Text encoded for the wire.
 *
 * @param bytes the bytes, line ends as CRLF
 * @param utf8  whether the text did not fit the OEM code page and went as raw UTF-8 instead (as
 *              smbclient does); Herald receivers detect it, older ones show mojibake
 */
public record EncodedText(byte[] bytes, boolean utf8) {

	public EncodedText {
		bytes = bytes.clone();
	}

	@Override
	public byte[] bytes() {
		return bytes.clone();
	}

	public int length() {
		return bytes.length;
	}
}
