/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.smb.wire;

import static org.herald.smb.wire.CapturedFrames.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

import org.herald.netbios.wire.MalformedPacketException;
import org.junit.jupiter.api.Test;
import org.herald.smb.wire.SmbCommand;
import org.herald.smb.wire.SmbError;
import org.herald.smb.wire.SmbHeader;
import org.herald.smb.wire.SmbPacket;
import org.herald.smb.wire.SmbReplies;
import org.herald.smb.wire.EndMultiBlock;
import org.herald.smb.wire.SendMessage;
import org.herald.smb.wire.StartMultiBlock;
import org.herald.smb.wire.TextBlock;

class MessageCommandsTest {

	private static final HexFormat HEX = HexFormat.of();

	private static byte[] ascii(String s) {
		return s.getBytes(StandardCharsets.US_ASCII);
	}

	@Test
	void headerOfCapturedStart() throws Exception {
		SmbPacket p = SmbPacket.parse(bytes(CapturedFrames.START_ALICE));
		SmbHeader h = p.header();
		assertEquals(SmbCommand.SEND_START_MB_MESSAGE, h.command());
		assertEquals(0, h.status());
		assertEquals(0, h.flags());
		assertEquals(0, h.flags2());
		assertEquals(0x2023, h.pidLow());
		assertEquals(0, h.tid());
		assertEquals(0, h.uid());
		assertEquals(0, h.mid());
		assertFalse(h.isReply());
		assertEquals(0, p.wordCount());
		assertEquals(CapturedFrames.START_ALICE, HEX.formatHex(p.encode()));
	}

	@Test
	void capturedStartParsesAndReencodes() throws Exception {
		SmbPacket p = SmbPacket.parse(bytes(CapturedFrames.START_ALICE));
		StartMultiBlock start = StartMultiBlock.parse(p);
		assertArrayEquals(ascii("alice"), start.originator());
		assertArrayEquals(ascii("SMBD1"), start.destination());
		assertEquals(CapturedFrames.START_ALICE, HEX.formatHex(start.toPacket(p.header()).encode()));
	}

	@Test
	void capturedTextBlocksAndEnd() throws Exception {
		SmbPacket p = SmbPacket.parse(bytes(CapturedFrames.TEXT_HELLO));
		TextBlock block = TextBlock.parse(p);
		assertEquals(0, block.groupId());
		assertArrayEquals(ascii("Hello"), block.text());
		assertEquals(CapturedFrames.TEXT_HELLO, HEX.formatHex(block.toPacket(p.header()).encode()));

		SmbPacket e = SmbPacket.parse(bytes(CapturedFrames.END));
		assertEquals(0, EndMultiBlock.parse(e).groupId());
		assertEquals(CapturedFrames.END, HEX.formatHex(new EndMultiBlock(0).toPacket(e.header()).encode()));

		byte[] x127 = new byte[127];
		Arrays.fill(x127, (byte) 'x');
		String full = CapturedFrames.TEXT_127_PREFIX + HEX.formatHex(x127);
		TextBlock big = TextBlock.parse(SmbPacket.parse(bytes(full)));
		assertEquals(TextBlock.MAX_BLOCK, big.text().length);
		assertEquals(full, HEX.formatHex(big.toPacket(SmbPacket.parse(bytes(full)).header()).encode()));
	}

	@Test
	void replyLikeSmbd() throws Exception {
		SmbHeader request = SmbPacket.parse(bytes(CapturedFrames.START_ALICE)).header();
		SmbPacket reply = SmbReplies.success(request);
		// smbd's reply, except that Herald echoes the request's flags2 (0) where smbd sets 0x4003
		String smbd = CapturedFrames.START_REPLY;
		String expected = smbd.substring(0, 20) + "0000" + smbd.substring(24);
		assertEquals(expected, HEX.formatHex(reply.encode()));
		SmbPacket smbdReply = SmbPacket.parse(bytes(smbd));
		assertTrue(smbdReply.header().isReply());
		assertTrue(smbdReply.header().success());
		assertEquals(0, StartMultiBlock.groupIdOf(smbdReply));
	}

	@Test
	void startReplyWithGroupId() throws Exception {
		SmbHeader request = SmbPacket.parse(bytes(CapturedFrames.START_ALICE)).header();
		SmbPacket reply = SmbReplies.success(request, 0x0102);
		assertEquals(1, reply.wordCount());
		assertEquals(0x0102, StartMultiBlock.groupIdOf(SmbPacket.parse(reply.encode())));
		assertTrue(HEX.formatHex(reply.encode()).endsWith("01" + "0201" + "0000"));
	}

	@Test
	void errorRepliesInBothStatusForms() throws Exception {
		SmbHeader dos = SmbPacket.parse(bytes(CapturedFrames.START_ALICE)).header();
		SmbPacket d = SmbReplies.error(dos, SmbError.REQUEST_NOT_ACCEPTED);
		// DOS: class 1 in the first status byte, code 0x0047 in the last two
		assertEquals("ff534d42d5" + "01004700" + "80", HEX.formatHex(d.encode()).substring(0, 20));
		assertEquals("DOS error class 1 code 0x0047", SmbError.describe(d.header()));

		SmbHeader nt = SmbHeader.request(SmbCommand.SEND_MESSAGE, 7);
		SmbPacket n = SmbReplies.error(nt, SmbError.NOT_IMPLEMENTED);
		assertEquals("ff534d42d0" + "020000c0" + "98" + "0140", HEX.formatHex(n.encode()).substring(0, 24));
		assertEquals("NT status 0xC0000002", SmbError.describe(n.header()));
		assertEquals(7, n.header().mid());
	}

	@Test
	void sendMessageByteExact() throws Exception {
		SmbHeader h = SmbHeader.request(SmbCommand.SEND_MESSAGE, 1);
		SendMessage m = new SendMessage(ascii("ALICE"), ascii("BOB"), ascii("Hi!"));
		byte[] wire = m.toPacket(h).encode();
		String expected = "ff534d42d0" + "00000000" + "18" + "0140" + "0000" + "0000000000000000" + "0000" + "0000" + "0000" + "0000" + "0100"
				+ "00" + "1200" + "04" + "414c49434500" + "04" + "424f4200" + "01" + "0300" + "486921";
		assertEquals(expected, HEX.formatHex(wire));
		SendMessage back = SendMessage.parse(SmbPacket.parse(wire));
		assertArrayEquals(ascii("ALICE"), back.originator());
		assertArrayEquals(ascii("BOB"), back.destination());
		assertArrayEquals(ascii("Hi!"), back.text());
	}

	@Test
	void malformedMessagesAreRefused() throws Exception {
		SmbHeader h = SmbHeader.request(SmbCommand.SEND_MESSAGE, 1);
		// buffer format 0x02 where 0x04 belongs
		assertThrows(MalformedPacketException.class,
				() -> SendMessage.parse(new SmbPacket(h, new byte[0], HEX.parseHex("0241004200010000"))));
		// originator not NUL-terminated
		assertThrows(MalformedPacketException.class, () -> SendMessage.parse(new SmbPacket(h, new byte[0], HEX.parseHex("044142"))));
		// text length runs past the block
		assertThrows(MalformedPacketException.class,
				() -> SendMessage.parse(new SmbPacket(h, new byte[0], HEX.parseHex("0441000442000105004142"))));
		// wrong WordCount
		SmbHeader t = SmbHeader.request(SmbCommand.SEND_TEXT_MB_MESSAGE, 1);
		assertThrows(MalformedPacketException.class, () -> TextBlock.parse(new SmbPacket(t, new byte[0], HEX.parseHex("01000000"))));
		SmbHeader e = SmbHeader.request(SmbCommand.SEND_END_MB_MESSAGE, 1);
		assertThrows(MalformedPacketException.class, () -> EndMultiBlock.parse(new SmbPacket(e, new byte[0], new byte[0])));
		// wrong command
		assertThrows(MalformedPacketException.class, () -> StartMultiBlock.parse(SmbPacket.parse(bytes(CapturedFrames.END))));
	}

	@Test
	void malformedSmbsAreRefused() {
		byte[] good = bytes(CapturedFrames.TEXT_HELLO);
		byte[] notSmb = good.clone();
		notSmb[0] = (byte) 0xFE; // an SMB2 header
		assertThrows(MalformedPacketException.class, () -> SmbPacket.parse(notSmb));
		assertThrows(MalformedPacketException.class, () -> SmbPacket.parse(Arrays.copyOf(good, 31)));
		assertThrows(MalformedPacketException.class, () -> SmbPacket.parse(Arrays.copyOf(good, 32)));
		assertThrows(MalformedPacketException.class, () -> SmbPacket.parse(Arrays.copyOf(good, good.length - 1)));
		byte[] hugeWords = good.clone();
		hugeWords[32] = (byte) 0xFF;
		assertThrows(MalformedPacketException.class, () -> SmbPacket.parse(hugeWords));
	}
}
