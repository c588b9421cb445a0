/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.smb.wire;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

import org.herald.netbios.wire.MalformedPacketException;
import org.herald.smb.wire.Le;

/**
 * Reads and writes the buffer-format items of an SMB data block (MS-CIFS 2.2.2.5 / core protocol):
 * 0x04 (ASCII) + NUL-terminated string, 0x01 (data block) + 16-bit length + bytes, 0x02 (dialect) +
 * NUL-terminated string.
 */
final class DataBlock {

	static final int DATA_BLOCK = 0x01;
	static final int DIALECT = 0x02;
	static final int ASCII = 0x04;

	private final byte[] b;
	private int pos;

	DataBlock(byte[] bytes) {
		this.b = bytes;
	}

	boolean atEnd() {
		return pos >= b.length;
	}

	int position() {
		return pos;
	}

	/** Reads a buffer-format byte {@code format} followed by a NUL-terminated string's bytes. */
	byte[] string(int format, String what) throws MalformedPacketException {
		expectFormat(format, what);
		int start = pos;
		while (pos < b.length && b[pos] != 0) {
			pos++;
		}
		if (pos >= b.length) {
			throw new MalformedPacketException(what + " is not NUL-terminated");
		}
		byte[] s = Arrays.copyOfRange(b, start, pos);
		pos++;
		return s;
	}

	/** Reads 0x01, a 16-bit length and that many bytes. */
	byte[] dataBlock(String what) throws MalformedPacketException {
		expectFormat(DATA_BLOCK, what);
		if (pos + 2 > b.length) {
			throw new MalformedPacketException(what + " has no length");
		}
		int length = Le.u16(b, pos);
		pos += 2;
		if (pos + length > b.length) {
			throw new MalformedPacketException(what + " length " + length + " runs past the data block");
		}
		byte[] d = Arrays.copyOfRange(b, pos, pos + length);
		pos += length;
		return d;
	}

	private void expectFormat(int format, String what) throws MalformedPacketException {
		if (pos >= b.length) {
			throw new MalformedPacketException(what + " is missing");
		}
		int f = b[pos] & 0xFF;
		if (f != format) {
			throw new MalformedPacketException(String.format("%s has buffer format 0x%02X, expected 0x%02X", what, f, format));
		}
		pos++;
	}

	static void writeString(ByteArrayOutputStream out, int format, byte[] s) {
		for (byte c : s) {
			if (c == 0) {
				throw new IllegalArgumentException("a NUL-terminated string must not contain NUL");
			}
		}
		out.write(format);
		out.writeBytes(s);
		out.write(0);
	}

	static void writeData(ByteArrayOutputStream out, byte[] d) {
		if (d.length > 0xFFFF) {
			throw new IllegalArgumentException("data block longer than 65535 bytes");
		}
		out.write(DATA_BLOCK);
		out.write(d.length & 0xFF);
		out.write(d.length >>> 8);
		out.writeBytes(d);
	}
}
