/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.herald.smb.wire.SmbPacket;
import org.herald.smb.wire.TextBlock;

class MessageCharsetTest {

	/** 0xD7 from bob: "Grüße ÄÖÜ" in CP850. */
	static final String TEXT_UMLAUTS = "ff534d42d70000000000000000000000000000000000000000002f20000000000100000c00010900477281e165208e999a";
	/** 0xD7 from carol: "line1\nline2" typed, sent with CRLF. */
	static final String TEXT_LINES = "ff534d42d70000000000000000000000000000000000000000003b20000000000100000f00010c006c696e65310d0a6c696e6532";
	/** 0xD7 from erin: "euro €" does not fit CP850, so smbclient sent raw UTF-8. */
	static final String TEXT_EURO = "ff534d42d70000000000000000000000000000000000000000005520000000000100000b000108006575726f20e282ac";

	private static final HexFormat HEX = HexFormat.of();
	private final MessageCharset cp850 = MessageCharset.defaultOem();

	private DecodedText decodeBlock(String frame) throws Exception {
		return cp850.decodeText(TextBlock.parse(SmbPacket.parse(HEX.parseHex(frame))).text());
	}

	@Test
	void capturedCp850Umlauts() throws Exception {
		DecodedText t = decodeBlock(TEXT_UMLAUTS);
		assertEquals("Grüße ÄÖÜ", t.text());
		assertFalse(t.utf8());
		assertFalse(t.repaired());
	}

	@Test
	void capturedCrlfBecomesLf() throws Exception {
		DecodedText t = decodeBlock(TEXT_LINES);
		assertEquals("line1\nline2", t.text());
		assertFalse(t.repaired());
		assertEquals("a\nb\nc\n", cp850.decodeText("a\rb\r\nc\n".getBytes()).text());
	}

	@Test
	void capturedRawUtf8IsDetected() throws Exception {
		DecodedText t = decodeBlock(TEXT_EURO);
		assertEquals("euro €", t.text());
		assertTrue(t.utf8());
		assertFalse(t.repaired());
	}

	@Test
	void utf8CutInTheMiddleOfACharacterIsRepaired() {
		byte[] cut = HEX.parseHex("c3a4c3a4e282"); // "ää" + two of the three bytes of '€'
		DecodedText t = cp850.decodeText(cut);
		assertEquals("ää", t.text());
		assertTrue(t.utf8());
		assertTrue(t.repaired());
		assertEquals(2, MessageCharset.incompleteUtf8Tail(cut, cut.length));
		assertEquals(0, MessageCharset.incompleteUtf8Tail(HEX.parseHex("c3a4"), 2));
	}

	@Test
	void controlBytesAreRemovedAndMarked() {
		DecodedText t = cp850.decodeText(HEX.parseHex("41004207430944"));
		assertEquals("ABC\tD", t.text());
		assertTrue(t.repaired());
		DecodedText trailing = cp850.decodeText(HEX.parseHex("48690000"));
		assertEquals("Hi", trailing.text());
		assertFalse(trailing.repaired(), "a trailing NUL terminator is not damage");
	}

	@Test
	void otherCodePages() {
		MessageCharset cp866 = MessageCharset.named("cp866");
		assertEquals("Привет", cp866.decodeText(HEX.parseHex("8fe0a8a2a5e2")).text());
	}

	@Test
	void encodeOemWithCrlf() {
		EncodedText e = cp850.encodeText("Grüße\nÄÖÜ");
		assertFalse(e.utf8());
		assertArrayEquals(HEX.parseHex("477281e1650d0a8e999a"), e.bytes());
		assertEquals("Grüße\nÄÖÜ", cp850.decodeText(e.bytes()).text());
	}

	@Test
	void encodeFallsBackToUtf8LikeSmbclient() {
		EncodedText e = cp850.encodeText("euro €");
		assertTrue(e.utf8());
		assertArrayEquals("euro €".getBytes(StandardCharsets.UTF_8), e.bytes());
		assertEquals("euro €", cp850.decodeText(e.bytes()).text());
	}

	@Test
	void namesDecodeLikeText() {
		assertEquals("JÜRGEN", cp850.decodeName(HEX.parseHex("4a9a5247454e")).text());
		assertArrayEquals(HEX.parseHex("4a9a5247454e"), cp850.encodeName("JÜRGEN").bytes());
	}
}
