/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.netbios.datagram;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** Hand-built NBDS packets carrying mailslot writes, for the datagram service's tests. */
public final class TestFrames {

	private TestFrames() {
	}

	/** A mailslot write to {@code mailslot} with {@code data}, built by hand like MailslotNameTest's. */
	public static byte[] write(String mailslot, byte[] data) {
		byte[] name = (mailslot + "\0").getBytes(StandardCharsets.ISO_8859_1);
		int dataOffset = 32 + 1 + 34 + 2 + name.length;
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(HexFormat.of().parseHex("ff534d4225" + "00".repeat(27) + "11"));
		byte[] w = new byte[34];
		w[2] = (byte) data.length;
		w[20] = (byte) dataOffset;
		w[22] = (byte) data.length;
		w[24] = (byte) dataOffset;
		w[26] = 3;
		w[28] = 1;
		w[30] = 1;
		w[32] = 2;
		out.writeBytes(w);
		int byteCount = name.length + data.length;
		out.write(byteCount);
		out.write(byteCount >>> 8);
		out.writeBytes(name);
		out.writeBytes(data);
		return out.toByteArray();
	}

	/** A NBDS packet of type 0x11 from SENDER&lt;00&gt; at 127.0.0.1:138 to WG&lt;03&gt;. */
	public static byte[] datagram(int flags, int id, int offset, byte[] userData) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(HexFormat.of().parseHex(String.format("11%02x%04x7f000001008a%04x%04x", flags, id, 68 + userData.length, offset)));
		out.writeBytes("\u0020FDEFEOEEEFFCCACACACACACACACACAAA\0".getBytes(StandardCharsets.ISO_8859_1));
		out.writeBytes("\u0020FHEHCACACACACACACACACACACACACAAD\0".getBytes(StandardCharsets.ISO_8859_1));
		out.writeBytes(userData);
		return out.toByteArray();
	}

	public static byte[] whole(String mailslot, String text) {
		return datagram(0x02, 7, 0, write(mailslot, text.getBytes(StandardCharsets.ISO_8859_1)));
	}
}
