/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.wire;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The character set of Messenger text and names. Windows writes them in the OEM code page (CP850
 * in Western Europe, the default here; configurable). smbclient converts to the DOS charset too,
 * but when a character does not fit it sends the whole text as raw UTF-8: such bytes are detected
 * (strictly valid UTF-8 with at least one multi-byte sequence, which OEM text almost never is) and
 * decoded as UTF-8.
 *
 * <p>Received text is cleaned and never silently changed: line ends CRLF and CR become \n; NUL
 * and other control bytes (except TAB and line ends) are removed; a UTF-8 sequence cut off at the
 * end (smbclient truncates at a byte count) is dropped. Every such change marks the result
 * {@link DecodedText#repaired() repaired}. Trailing NULs (a terminator some senders count in the
 * length) are dropped without a mark.
 */
public final class MessageCharset {

	/** The default OEM code page: CP850, as in Samba's {@code dos charset} default. */
	public static final String DEFAULT_OEM = "IBM850";

	private final Charset oem;

	public MessageCharset(Charset oem) {
		this.oem = oem;
	}

	/** CP850. */
	public static MessageCharset defaultOem() {
		return new MessageCharset(Charset.forName(DEFAULT_OEM));
	}

	/** The code page by name (e.g. {@code IBM850}, {@code cp437}, {@code cp866}). */
	public static MessageCharset named(String name) {
		return new MessageCharset(Charset.forName(name));
	}

	public Charset oem() {
		return oem;
	}

	/** Decodes message text bytes; see the class comment for the rules. */
	public DecodedText decodeText(byte[] raw) {
		int end = raw.length;
		while (end > 0 && raw[end - 1] == 0) {
			end--;
		}
		boolean repaired = false;
		String text = null;
		boolean utf8 = false;
		if (hasHighBytes(raw, end)) {
			text = strictUtf8(raw, 0, end);
			if (text != null) {
				utf8 = true;
			} else {
				int cut = incompleteUtf8Tail(raw, end);
				if (cut > 0 && hasHighBytes(raw, end - cut)) {
					text = strictUtf8(raw, 0, end - cut);
					if (text != null) {
						utf8 = true;
						repaired = true;
					}
				}
			}
		}
		if (text == null) {
			text = new String(raw, 0, end, oem);
		}
		StringBuilder clean = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\r') {
				clean.append('\n');
				if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
					i++;
				}
			} else if (c == '\n' || c == '\t' || c >= 0x20 && c != 0x7F && !(c >= 0x80 && c < 0xA0)) {
				clean.append(c);
			} else {
				repaired = true;
			}
		}
		return new DecodedText(clean.toString(), utf8, repaired);
	}

	/** Decodes a name (originator or recipient): the same rules, without line ends. */
	public DecodedText decodeName(byte[] raw) {
		DecodedText t = decodeText(raw);
		if (t.text().indexOf('\n') >= 0) {
			return new DecodedText(t.text().replace('\n', ' ').strip(), t.utf8(), true);
		}
		return t;
	}

	/**
	 * Encodes text for sending: line ends become CRLF (as smbclient sends them); the OEM code page
	 * if every character fits, otherwise UTF-8.
	 */
	public EncodedText encodeText(String text) {
		String crlf = text.replace("\r\n", "\n").replace('\r', '\n').replace("\n", "\r\n");
		return encode(crlf);
	}

	/** Encodes a name: OEM if it fits, otherwise UTF-8. */
	public EncodedText encodeName(String name) {
		return encode(name);
	}

	private EncodedText encode(String s) {
		if (oem.newEncoder().canEncode(s)) {
			return new EncodedText(s.getBytes(oem), false);
		}
		return new EncodedText(s.getBytes(StandardCharsets.UTF_8), true);
	}

	private static boolean hasHighBytes(byte[] b, int end) {
		for (int i = 0; i < end; i++) {
			if (b[i] < 0) {
				return true;
			}
		}
		return false;
	}

	private static String strictUtf8(byte[] b, int from, int to) {
		CharsetDecoder d = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT);
		try {
			CharBuffer c = d.decode(ByteBuffer.wrap(b, from, to - from));
			return c.toString();
		} catch (CharacterCodingException e) {
			return null;
		}
	}

	/**
	 * How many bytes at the end form the start of a UTF-8 sequence that was cut off (1-3), or 0 if
	 * the end is not such a fragment.
	 */
	static int incompleteUtf8Tail(byte[] b, int end) {
		for (int back = 1; back <= 3 && end - back >= 0; back++) {
			int v = b[end - back] & 0xFF;
			if ((v & 0xC0) == 0x80) {
				continue; // continuation byte: look further back for the lead
			}
			int needed = v >= 0xF0 && v <= 0xF4 ? 4 : v >= 0xE0 && v < 0xF0 ? 3 : v >= 0xC2 && v < 0xE0 ? 2 : 0;
			return needed > back ? back : 0;
		}
		return 0;
	}
}
