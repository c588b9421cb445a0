/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.browser.wire;

import java.util.Arrays;

/** A browser frame Herald does not interpret (BecomeBackup, ResetStateRequest, unknown opcodes), kept whole. */
public record OtherBrowserFrame(int opcode, byte[] bytes) implements BrowserFrame {

	public OtherBrowserFrame {
		bytes = bytes.clone();
	}

	@Override
	public byte[] bytes() {
		return bytes.clone();
	}

	@Override
	public byte[] encode() {
		return bytes.clone();
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof OtherBrowserFrame f && opcode == f.opcode && Arrays.equals(bytes, f.bytes);
	}

	@Override
	public int hashCode() {
		return opcode * 31 + Arrays.hashCode(bytes);
	}
}
