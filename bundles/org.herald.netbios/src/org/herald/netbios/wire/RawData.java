/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.netbios.wire;

import java.util.Arrays;
import java.util.HexFormat;

/** RDATA kept as bytes: NULL records (RFC 1002 4.2.14), and the A and NS records of a redirect. */
public record RawData(byte[] bytes) implements RData {

	public static final RawData EMPTY = new RawData(new byte[0]);

	public RawData {
		bytes = bytes.clone();
	}

	@Override
	public byte[] bytes() {
		return bytes.clone();
	}

	@Override
	public int length() {
		return bytes.length;
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof RawData r && Arrays.equals(bytes, r.bytes);
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(bytes);
	}

	@Override
	public String toString() {
		return "RawData[" + HexFormat.of().formatHex(bytes) + "]";
	}
}
