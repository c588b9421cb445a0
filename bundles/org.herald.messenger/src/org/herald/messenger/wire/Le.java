/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.wire;

/** Little-endian reads and writes, the byte order of SMB. */
final class Le {

	private Le() {
	}

	static int u16(byte[] b, int o) {
		return (b[o] & 0xFF) | (b[o + 1] & 0xFF) << 8;
	}

	static int i32(byte[] b, int o) {
		return u16(b, o) | u16(b, o + 2) << 16;
	}

	static long i64(byte[] b, int o) {
		return (i32(b, o) & 0xFFFFFFFFL) | (long) i32(b, o + 4) << 32;
	}

	static void put16(byte[] b, int o, int v) {
		b[o] = (byte) v;
		b[o + 1] = (byte) (v >>> 8);
	}

	static void put32(byte[] b, int o, int v) {
		put16(b, o, v);
		put16(b, o + 2, v >>> 16);
	}

	static void put64(byte[] b, int o, long v) {
		put32(b, o, (int) v);
		put32(b, o + 4, (int) (v >>> 32));
	}
}
