/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.netbios.wire;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.herald.api.NetbiosName;

/**
 * A NetBIOS name as it stands on the wire (RFC 1001 section 14, RFC 1002 section 4.1): the
 * first-level encoding (each half-byte of the 16-byte padded name plus 'A', 32 bytes) as one
 * length-prefixed label, followed by the scope's labels and a terminating zero byte.
 *
 * @param name  the decoded name
 * @param scope the NetBIOS scope, "" for none (the usual case)
 */
public record EncodedName(NetbiosName name, String scope) {

	/** Label length of a first-level encoded name. */
	static final int NAME_LABEL_LENGTH = 32;
	/** RFC 1002 4.1: a domain name may not exceed 255 bytes. */
	static final int MAX_WIRE_LENGTH = 255;
	/** How many compression pointers one name may follow before it is taken for a loop. */
	static final int MAX_POINTERS = 16;

	public EncodedName {
		scope = scope == null ? "" : scope;
	}

	public EncodedName(NetbiosName name) {
		this(name, "");
	}

	/** Appends the wire form of {@code name} in {@code scope} to {@code out}. */
	public static void write(NetbiosName name, String scope, ByteArrayOutputStream out) {
		out.writeBytes(encode(name, scope));
	}

	/** The wire form: length byte 0x20, 32 encoded bytes, scope labels, 0. */
	public static byte[] encode(NetbiosName name, String scope) {
		byte[] padded = paddedBytes(name);
		ByteArrayOutputStream out = new ByteArrayOutputStream(34 + scope.length() + 2);
		out.write(NAME_LABEL_LENGTH);
		for (byte b : padded) {
			out.write('A' + ((b >> 4) & 0x0F));
			out.write('A' + (b & 0x0F));
		}
		if (!scope.isEmpty()) {
			for (String label : scope.split("\\.")) {
				byte[] l = label.getBytes(StandardCharsets.US_ASCII);
				if (l.length == 0 || l.length > 63) {
					throw new IllegalArgumentException("bad scope label in '" + scope + "'");
				}
				out.write(l.length);
				out.writeBytes(l);
			}
		}
		out.write(0);
		if (out.size() > MAX_WIRE_LENGTH) {
			throw new IllegalArgumentException("scope too long: " + scope);
		}
		return out.toByteArray();
	}

	public byte[] encode() {
		return encode(name, scope);
	}

	/** The 16 bytes before first-level encoding: name padded with spaces to 15, then the suffix. */
	static byte[] paddedBytes(NetbiosName name) {
		byte[] padded = new byte[16];
		if (name.isWildcard()) {
			// RFC 1002 4.2.17: '*' followed by NULs. The suffix stays: a Samba WINS answers *<1B> with
			// every domain master browser it holds (Samba's own client sends it this way).
			padded[0] = '*';
			padded[15] = (byte) name.suffix();
			return padded;
		}
		byte[] chars = name.name().getBytes(StandardCharsets.ISO_8859_1);
		for (int i = 0; i < 15; i++) {
			padded[i] = i < chars.length ? chars[i] : (byte) ' ';
		}
		padded[15] = (byte) name.suffix();
		return padded;
	}

	/** A name read from a packet, and the offset just after it in the packet. */
	public record Read(EncodedName name, int next) {
	}

	/**
	 * Reads a name at {@code offset} of {@code packet}, following compression pointers (RFC 1002
	 * 4.1, RFC 1035 4.1.4) with guards against loops, forward jumps and overlong names.
	 */
	public static Read read(byte[] packet, int offset, int limit) throws MalformedPacketException {
		int pos = offset;
		int next = -1;
		int pointers = 0;
		int total = 0;
		byte[] first = null;
		StringBuilder scope = new StringBuilder();
		while (true) {
			if (pos >= limit) {
				throw new MalformedPacketException("name runs past the end of the packet");
			}
			int len = packet[pos] & 0xFF;
			if ((len & 0xC0) == 0xC0) {
				if (pos + 1 >= limit) {
					throw new MalformedPacketException("truncated compression pointer");
				}
				int target = ((len & 0x3F) << 8) | (packet[pos + 1] & 0xFF);
				if (next < 0) {
					next = pos + 2;
				}
				if (++pointers > MAX_POINTERS || target >= pos) {
					throw new MalformedPacketException("compression pointer loop or forward jump at " + pos);
				}
				pos = target;
				continue;
			}
			if ((len & 0xC0) != 0) {
				throw new MalformedPacketException("reserved label type 0x" + Integer.toHexString(len));
			}
			pos++;
			if (len == 0) {
				break;
			}
			total += len + 1;
			// The terminating zero counts too: what is read here must fit encode()'s 255 bytes.
			if (total + 1 > MAX_WIRE_LENGTH || pos + len > limit) {
				throw new MalformedPacketException("label length " + len + " overruns the name or packet");
			}
			if (first == null) {
				if (len != NAME_LABEL_LENGTH) {
					throw new MalformedPacketException("first label has length " + len + ", expected 32");
				}
				first = new byte[16];
				for (int i = 0; i < 16; i++) {
					int hi = packet[pos + 2 * i] - 'A';
					int lo = packet[pos + 2 * i + 1] - 'A';
					if (hi < 0 || hi > 15 || lo < 0 || lo > 15) {
						throw new MalformedPacketException("not a first-level encoded name");
					}
					first[i] = (byte) (hi << 4 | lo);
				}
			} else {
				// The scope is a domain name (RFC 1001 14.1): a byte that is no printable ASCII, or a dot
				// inside a label, would not come back the same from the scope's text form.
				for (int i = pos; i < pos + len; i++) {
					int c = packet[i] & 0xFF;
					if (c <= ' ' || c > '~' || c == '.') {
						throw new MalformedPacketException(String.format("scope label holds byte 0x%02X", c));
					}
				}
				if (!scope.isEmpty()) {
					scope.append('.');
				}
				scope.append(new String(packet, pos, len, StandardCharsets.US_ASCII));
			}
			pos += len;
		}
		if (first == null) {
			throw new MalformedPacketException("empty name");
		}
		return new Read(new EncodedName(decodePadded(first), scope.toString()), next < 0 ? pos : next);
	}

	/** Decodes the 16 padded bytes (15 characters and a suffix) into a name. */
	public static NetbiosName decodePadded(byte[] padded) throws MalformedPacketException {
		if (padded[0] == '*') {
			return new NetbiosName("*", padded[15] & 0xFF);
		}
		int end = 15;
		while (end > 0 && (padded[end - 1] == ' ' || padded[end - 1] == 0)) {
			end--;
		}
		if (end == 0) {
			throw new MalformedPacketException("blank NetBIOS name");
		}
		try {
			return new NetbiosName(new String(padded, 0, end, StandardCharsets.ISO_8859_1), padded[15] & 0xFF);
		} catch (IllegalArgumentException e) {
			throw new MalformedPacketException(e.getMessage());
		}
	}
}
