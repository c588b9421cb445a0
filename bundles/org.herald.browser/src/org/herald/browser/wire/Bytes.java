/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.browser.wire;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.herald.netbios.wire.MalformedPacketException;

/** Little-endian fields and NUL-terminated strings, the way browser frames and SMB/RAP carry them. */
final class Bytes {

	private Bytes() {
	}

	static int u16(byte[] b, int o) {
		return (b[o] & 0xFF) | (b[o + 1] & 0xFF) << 8;
	}

	static long u32(byte[] b, int o) {
		return (u16(b, o) | (long) u16(b, o + 2) << 16) & 0xFFFF_FFFFL;
	}

	static void put16(byte[] b, int o, int v) {
		b[o] = (byte) v;
		b[o + 1] = (byte) (v >>> 8);
	}

	static void put32(byte[] b, int o, long v) {
		put16(b, o, (int) v);
		put16(b, o + 2, (int) (v >>> 16));
	}

	static void write16(ByteArrayOutputStream out, int v) {
		out.write(v);
		out.write(v >>> 8);
	}

	static void write32(ByteArrayOutputStream out, long v) {
		write16(out, (int) v);
		write16(out, (int) (v >>> 16));
	}

	/** Writes {@code s} in the OEM code page as one byte per char (ISO-8859-1) and a NUL. */
	static void writeString(ByteArrayOutputStream out, String s) {
		out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
		out.write(0);
	}

	/** Writes {@code s} NUL-padded into exactly {@code width} bytes (at least one NUL). */
	static void writeFixed(ByteArrayOutputStream out, String s, int width) {
		byte[] chars = s.getBytes(StandardCharsets.ISO_8859_1);
		if (chars.length >= width) {
			throw new IllegalArgumentException("'" + s + "' does not fit in " + width + " bytes with its NUL");
		}
		out.writeBytes(chars);
		for (int i = chars.length; i < width; i++) {
			out.write(0);
		}
	}

	/** A fixed field: the text up to its first NUL. */
	static String fixed(byte[] b, int o, int width) {
		int end = o;
		while (end < o + width && b[end] != 0) {
			end++;
		}
		return new String(b, o, end - o, StandardCharsets.ISO_8859_1);
	}

	/** The index of the NUL that ends the string at {@code o}, or -1 if it runs to {@code limit}. */
	static int nul(byte[] b, int o, int limit) {
		for (int i = o; i < limit; i++) {
			if (b[i] == 0) {
				return i;
			}
		}
		return -1;
	}

	/** The NUL-terminated string at {@code o}; a missing NUL is malformed. */
	static String cstring(byte[] b, int o, int limit, String what) throws MalformedPacketException {
		int end = nul(b, o, limit);
		if (end < 0) {
			throw new MalformedPacketException(what + " is not NUL-terminated");
		}
		return new String(b, o, end - o, StandardCharsets.ISO_8859_1);
	}

	static void need(byte[] b, int length, String what) throws MalformedPacketException {
		if (b.length < length) {
			throw new MalformedPacketException(what + " needs at least " + length + " bytes, has " + b.length);
		}
	}
}
