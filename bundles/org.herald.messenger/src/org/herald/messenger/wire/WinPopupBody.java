/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.wire;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

import org.herald.netbios.wire.MalformedPacketException;

/**
 * The data of a write to \MAILSLOT\MESSNGR: {@code from\0to\0text\0} in the OEM code page (the
 * format WinPopup and the Messenger service exchange). Kept as raw bytes; {@link MessageCharset}
 * decodes them.
 *
 * @param terminated whether the text had its closing NUL; a body without it is accepted, but its
 *                   text may have been cut short
 */
public record WinPopupBody(byte[] from, byte[] to, byte[] text, boolean terminated) {

	public WinPopupBody {
		from = from.clone();
		to = to.clone();
		text = text.clone();
	}

	public WinPopupBody(byte[] from, byte[] to, byte[] text) {
		this(from, to, text, true);
	}

	public static WinPopupBody parse(byte[] data) throws MalformedPacketException {
		int a = indexOfNul(data, 0);
		if (a < 0) {
			throw new MalformedPacketException("WinPopup body has no NUL after the sender");
		}
		int b = indexOfNul(data, a + 1);
		if (b < 0) {
			throw new MalformedPacketException("WinPopup body has no NUL after the recipient");
		}
		int c = indexOfNul(data, b + 1);
		boolean terminated = c >= 0;
		int end = terminated ? c : data.length;
		if (terminated) {
			for (int i = c + 1; i < data.length; i++) {
				if (data[i] != 0) {
					throw new MalformedPacketException("WinPopup body has bytes after the text's NUL");
				}
			}
		}
		return new WinPopupBody(Arrays.copyOfRange(data, 0, a), Arrays.copyOfRange(data, a + 1, b), Arrays.copyOfRange(data, b + 1, end),
				terminated);
	}

	public byte[] encode() {
		ByteArrayOutputStream out = new ByteArrayOutputStream(from.length + to.length + text.length + 3);
		for (byte[] part : new byte[][] { from, to, text }) {
			if (indexOfNul(part, 0) >= 0) {
				throw new IllegalArgumentException("WinPopup fields must not contain NUL");
			}
			out.writeBytes(part);
			out.write(0);
		}
		return out.toByteArray();
	}

	@Override
	public byte[] from() {
		return from.clone();
	}

	@Override
	public byte[] to() {
		return to.clone();
	}

	@Override
	public byte[] text() {
		return text.clone();
	}

	private static int indexOfNul(byte[] b, int from) {
		for (int i = from; i < b.length; i++) {
			if (b[i] == 0) {
				return i;
			}
		}
		return -1;
	}
}
