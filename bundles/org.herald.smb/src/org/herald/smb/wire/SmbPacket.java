/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.smb.wire;

import java.util.Arrays;

import org.herald.netbios.wire.MalformedPacketException;

/**
 * One SMB1 message (MS-CIFS 2.2.3): header, parameter block (WordCount and the words) and data block
 * (ByteCount and the bytes). Anything after the data block is ignored, as servers do.
 */
public record SmbPacket(SmbHeader header, byte[] words, byte[] bytes) {

	public SmbPacket {
		if (words.length % 2 != 0 || words.length > 2 * 0xFF) {
			throw new IllegalArgumentException("parameter block must be 0-255 words, not " + words.length + " bytes");
		}
		if (bytes.length > 0xFFFF) {
			throw new IllegalArgumentException("data block longer than 65535 bytes");
		}
		words = words.clone();
		bytes = bytes.clone();
	}

	public int command() {
		return header.command();
	}

	public int wordCount() {
		return words.length / 2;
	}

	/** The {@code index}-th parameter word. */
	public int word(int index) {
		return Le.u16(words, 2 * index);
	}

	@Override
	public byte[] words() {
		return words.clone();
	}

	@Override
	public byte[] bytes() {
		return bytes.clone();
	}

	/** The data block without copying, for the codecs of this package. */
	byte[] rawBytes() {
		return bytes;
	}

	byte[] rawWords() {
		return words;
	}

	public static SmbPacket parse(byte[] b) throws MalformedPacketException {
		return parse(b, 0, b.length);
	}

	public static SmbPacket parse(byte[] b, int offset, int length) throws MalformedPacketException {
		SmbHeader header = SmbHeader.parse(b, offset, length);
		int pos = offset + SmbHeader.LENGTH;
		int end = offset + length;
		if (pos >= end) {
			throw new MalformedPacketException("SMB has no WordCount");
		}
		int wordCount = b[pos++] & 0xFF;
		if (pos + 2 * wordCount + 2 > end) {
			throw new MalformedPacketException("WordCount " + wordCount + " runs past the end of the SMB");
		}
		byte[] words = Arrays.copyOfRange(b, pos, pos + 2 * wordCount);
		pos += 2 * wordCount;
		int byteCount = Le.u16(b, pos);
		pos += 2;
		if (pos + byteCount > end) {
			throw new MalformedPacketException("ByteCount " + byteCount + " runs past the end of the SMB");
		}
		return new SmbPacket(header, words, Arrays.copyOfRange(b, pos, pos + byteCount));
	}

	public byte[] encode() {
		byte[] out = new byte[SmbHeader.LENGTH + 1 + words.length + 2 + bytes.length];
		header.write(out, 0);
		int pos = SmbHeader.LENGTH;
		out[pos++] = (byte) (words.length / 2);
		System.arraycopy(words, 0, out, pos, words.length);
		pos += words.length;
		Le.put16(out, pos, bytes.length);
		pos += 2;
		System.arraycopy(bytes, 0, out, pos, bytes.length);
		return out;
	}

	/** A parameter block of the given 16-bit words. */
	public static byte[] wordsOf(int... values) {
		byte[] w = new byte[2 * values.length];
		for (int i = 0; i < values.length; i++) {
			Le.put16(w, 2 * i, values[i]);
		}
		return w;
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof SmbPacket p && header.equals(p.header) && Arrays.equals(words, p.words) && Arrays.equals(bytes, p.bytes);
	}

	@Override
	public int hashCode() {
		return header.hashCode() * 31 + Arrays.hashCode(words) * 17 + Arrays.hashCode(bytes);
	}

	@Override
	public String toString() {
		return String.format("SmbPacket[command=0x%02X, status=0x%08X, %d words, %d bytes]", header.command(), header.status(), wordCount(),
				bytes.length);
	}
}
