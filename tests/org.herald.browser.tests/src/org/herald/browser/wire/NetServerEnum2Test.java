/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.browser.wire;

import static org.herald.browser.wire.CapturedBrowseFrames.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.herald.netbios.wire.MalformedPacketException;
import org.junit.jupiter.api.Test;
import org.herald.smb.wire.SmbPacket;
import org.herald.smb.wire.SmbTransaction;

/** NetServerEnum2 and its SMB transaction, against smbclient's and smbd's captured frames. */
class NetServerEnum2Test {

	/** The SMB inside an NBSS session message. */
	static SmbPacket smb(String nbssFrame) throws MalformedPacketException {
		byte[] b = hex(nbssFrame);
		return SmbPacket.parse(Arrays.copyOfRange(b, 4, b.length));
	}

	@Test
	void requestParametersAreSmbclients() throws Exception {
		SmbPacket captured = smb(CapturedBrowseFrames.ENUM_SERVERS_REQUEST);
		byte[] smb = captured.encode();
		int offset = captured.word(10); // ParameterOffset, from the start of the SMB header
		byte[] sent = Arrays.copyOfRange(smb, offset, offset + captured.word(9));
		byte[] expected = hex("6800" + "57724c6568447a00" + "4231364242447a00" + "0100" + "ffff" + "ffffffff" + "434150574700");
		assertArrayEquals(expected, sent);
		assertArrayEquals(expected, NetServerEnum2.request(ServerType.ALL, Optional.of("CAPWG"), 0xFFFF));
	}

	@Test
	void serverListAnswerOfSmbd() throws Exception {
		SmbTransaction.ReplyPart part = SmbTransaction.ReplyPart.parse(smb(CapturedBrowseFrames.ENUM_SERVERS_REPLY));
		SmbTransaction.Assembler a = new SmbTransaction.Assembler();
		assertTrue(a.add(part));
		NetServerEnum2.Answer answer = NetServerEnum2.answer(a.reply().parameters(), a.reply().data());
		assertTrue(answer.ok());
		assertEquals(2, answer.entriesReturned());
		assertEquals(2, answer.entriesAvailable());
		assertEquals(List.of(new ServerInfo1("SAMBA1", 0, 0, 0x00849A03, "Samba one"),
				new ServerInfo1("SAMBA2", 0, 0, 0x00819A03, "Samba 4.17.12-Debian")), answer.servers());
	}

	@Test
	void workgroupListAnswerOfSmbd() throws Exception {
		SmbTransaction.ReplyPart part = SmbTransaction.ReplyPart.parse(smb(CapturedBrowseFrames.ENUM_DOMAINS_REPLY));
		NetServerEnum2.Answer answer = NetServerEnum2.answer(part.parameters(), part.data());
		assertEquals(List.of(new ServerInfo1("CAPWG", 0, 0, 0x80001000, "SAMBA1"), new ServerInfo1("OTHERWG", 0, 0, 0x80001000, "OTHER3")),
				answer.servers());
	}

	@Test
	void transactionRequestLayout() throws Exception {
		byte[] params = NetServerEnum2.request(ServerType.DOMAIN_ENUM, Optional.of("CAPWG"), 0xFFFF);
		SmbPacket p = SmbTransaction.request(0xF415, 0xE51E, 5, SmbTransaction.LANMAN_PIPE, params, 8, 0xFFFF);
		byte[] b = p.encode();
		assertEquals(14, p.wordCount());
		assertEquals(params.length, p.word(0));
		assertEquals(8, p.word(2));
		assertEquals(0xFFFF, p.word(3));
		int offset = p.word(10);
		assertEquals(0, offset % 4);
		assertArrayEquals(params, Arrays.copyOfRange(b, offset, offset + params.length));
		assertEquals("\\PIPE\\LANMAN", new String(b, 32 + 1 + 28 + 2, 12, java.nio.charset.StandardCharsets.US_ASCII));
		assertEquals(0xF415, p.header().uid());
		assertEquals(0xE51E, p.header().tid());
	}

	@Test
	void answersThatDoNotFitAreMalformed() {
		assertThrows(MalformedPacketException.class, () -> NetServerEnum2.answer(hex("000000000300"), new byte[0]));
		assertThrows(MalformedPacketException.class, () -> NetServerEnum2.answer(hex("0000000003000300"), new byte[26]));
	}

	@Test
	void failedStatusGivesNoServers() throws Exception {
		NetServerEnum2.Answer a = NetServerEnum2.answer(hex("3508000000000000"), new byte[0]);
		assertEquals(0x0835, a.status());
		assertEquals(List.of(), a.servers());
	}

	@Test
	void replyPartsAreReassembledByDisplacement() throws Exception {
		SmbTransaction.Assembler a = new SmbTransaction.Assembler();
		assertEquals(false, a.add(new SmbTransaction.ReplyPart(2, 4, 0, hex("0102"), 0, hex("0a0b"))));
		assertTrue(a.add(new SmbTransaction.ReplyPart(2, 4, 2, new byte[0], 2, hex("0c0d"))));
		assertArrayEquals(hex("0a0b0c0d"), a.reply().data());
		assertThrows(MalformedPacketException.class, () -> new SmbTransaction.Assembler().add(new SmbTransaction.ReplyPart(1, 0, 1, hex("01"), 0, new byte[0])));
	}
}
