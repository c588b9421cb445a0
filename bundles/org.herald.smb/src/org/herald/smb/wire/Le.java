/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.smb.wire;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.herald.netbios.wire.MalformedPacketException;

/**
 * Little-endian fields and NUL-terminated OEM strings, the way SMB, RAP and the browser's frames
 * carry them. Reads do not check bounds: callers check the length first ({@link #need}).
 */
public final class Le {

	private Le() {
	}

	public static int u16(byte[] b, int o) {
		return (b[o] & 0xFF) | (b[o + 1] & 0xFF) << 8;
	}

	/** A 32-bit field as a signed int (status codes, flags). */
	public static int i32(byte[] b, int o) {
		return u16(b, o) | u16(b, o + 2) << 16;
	}

	/** A 32-bit field as an unsigned value. */
	public static long u32(byte[] b, int o) {
		return i32(b, o) & 0xFFFF_FFFFL;
	}

	public static long i64(byte[] b, int o) {
		return u32(b, o) | (long) i32(b, o + 4) << 32;
	}

	public static void put16(byte[] b, int o, int v) {
		b[o] = (byte) v;
		b[o + 1] = (byte) (v >>> 8);
	}

	public static void put32(byte[] b, int o, int v) {
		put16(b, o, v);
		put16(b, o + 2, v >>> 16);
	}

	public static void put64(byte[] b, int o, long v) {
		put32(b, o, (int) v);
		put32(b, o + 4, (int) (v >>> 32));
	}

	public static void write16(ByteArrayOutputStream out, int v) {
		out.write(v);
		out.write(v >>> 8);
	}

	/** Writes the low 32 bits of {@code v}. */
	public static void write32(ByteArrayOutputStream out, long v) {
		write16(out, (int) v);
		write16(out, (int) (v >>> 16));
	}

	/** Writes {@code s} in the OEM code page as one byte per char (ISO-8859-1) and a NUL. */
	public static void writeString(ByteArrayOutputStream out, String s) {
		out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
		out.write(0);
	}

	/** Writes {@code s} NUL-padded into exactly {@code width} bytes (at least one NUL). */
	public static void writeFixed(ByteArrayOutputStream out, String s, int width) {
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
	public static String fixed(byte[] b, int o, int width) {
		int end = o;
		while (end < o + width && b[end] != 0) {
			end++;
		}
		return new String(b, o, end - o, StandardCharsets.ISO_8859_1);
	}

	/** The index of the NUL that ends the string at {@code o}, or -1 if it runs to {@code limit}. */
	public static int nul(byte[] b, int o, int limit) {
		for (int i = o; i < limit; i++) {
			if (b[i] == 0) {
				return i;
			}
		}
		return -1;
	}

	/** The NUL-terminated string at {@code o}; a missing NUL is malformed. */
	public static String cstring(byte[] b, int o, int limit, String what) throws MalformedPacketException {
		int end = nul(b, o, limit);
		if (end < 0) {
			throw new MalformedPacketException(what + " is not NUL-terminated");
		}
		return new String(b, o, end - o, StandardCharsets.ISO_8859_1);
	}

	/** Fails unless {@code b} has at least {@code length} bytes. */
	public static void need(byte[] b, int length, String what) throws MalformedPacketException {
		if (b.length < length) {
			throw new MalformedPacketException(what + " needs at least " + length + " bytes, has " + b.length);
		}
	}
}
