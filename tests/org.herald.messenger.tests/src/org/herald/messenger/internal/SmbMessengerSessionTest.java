/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import org.herald.api.MessageFlag;
import org.herald.api.MessagePath;
import org.herald.api.ReceivedMessage;

import org.herald.messenger.wire.MessageCharset;

import org.junit.jupiter.api.Test;
import org.herald.smb.wire.NegotiateRequest;
import org.herald.smb.wire.NegotiateResponse;
import org.herald.smb.wire.SmbCommand;
import org.herald.smb.wire.SmbError;
import org.herald.smb.wire.SmbHeader;
import org.herald.smb.wire.SmbPacket;
import org.herald.smb.wire.EndMultiBlock;
import org.herald.smb.wire.SendMessage;
import org.herald.smb.wire.StartMultiBlock;
import org.herald.smb.wire.TextBlock;

/** The SMB conversation of the session receiver, without sockets. */
class SmbMessengerSessionTest {

	private static final HexFormat HEX = HexFormat.of();
	/** Captured from smbclient -M (see wire/CapturedFrames): start alice->SMBD1, text "Hello", end. */
	private static final String START = "ff534d42d5000000000000000000000000000000000000000000232000000000000e0004616c6963650004534d42443100";
	private static final String TEXT = "ff534d42d7000000000000000000000000000000000000000000232000000000010000080001050048656c6c6f";
	private static final String END = "ff534d42d60000000000000000000000000000000000000000002320000000000100000000";
	private static final String UMLAUTS = "ff534d42d70000000000000000000000000000000000000000002f20000000000100000c00010900477281e165208e999a";

	private final RecordingSink sink = new RecordingSink();
	private final ReceiverCounters counters = new ReceiverCounters();
	private final Clock clock = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);
	private final SmbMessengerSession session;
	private int mid;

	SmbMessengerSessionTest() throws Exception {
		MessageAcceptance acceptance = new MessageAcceptance(sink, PeerCharsets.fixed(MessageCharset.defaultOem()), clock, counters);
		session = new SmbMessengerSession(acceptance, counters, MessageAcceptance.Origin.of(InetAddress.getByName("198.51.100.2")), "HERALD", "WG",
				clock);
	}

	private SmbPacket send(byte[] request) throws Exception {
		byte[] reply = session.handle(request);
		return SmbPacket.parse(reply);
	}

	private SmbPacket send(String hex) throws Exception {
		return send(HEX.parseHex(hex));
	}

	private SmbHeader h(int command) {
		return SmbHeader.request(command, ++mid);
	}

	@Test
	void smbclientMultiBlockConversation() throws Exception {
		SmbPacket start = send(START);
		assertTrue(start.header().success());
		assertTrue(start.header().isReply());
		assertEquals(0, StartMultiBlock.groupIdOf(start), "the first group id is 0, which clients that ignore it use anyway");
		assertTrue(send(TEXT).header().success());
		assertTrue(sink.messages().isEmpty(), "nothing is stored before the end request");
		SmbPacket end = send(END);
		assertTrue(end.header().success());
		assertEquals(0, end.wordCount());
		assertEquals(0, end.bytes().length);
		ReceivedMessage m = sink.messages().get(0);
		assertEquals("alice", m.senderName());
		// the message names SMBD1 but the session called HERALD<03>: the name it reached us under decides (aliases, users)
		assertEquals("HERALD", m.recipientName());
		assertEquals("Hello", m.text());
		assertEquals(MessagePath.SESSION, m.path());
		assertEquals(InetAddress.getByName("198.51.100.2"), m.senderAddress());
		assertEquals(clock.instant(), m.received());
		assertEquals(Set.of(), m.flags());
		assertEquals(1, counters.snapshot().stored());
	}

	@Test
	void cp850Umlauts() throws Exception {
		send(START);
		send(UMLAUTS);
		send(END);
		assertEquals("Grüße ÄÖÜ", sink.messages().get(0).text());
	}

	@Test
	void sendMessageAfterNegotiate() throws Exception {
		SmbPacket neg = send(new NegotiateRequest(List.of("PC NETWORK PROGRAM 1.0", "NT LM 0.12")).toPacket(h(SmbCommand.NEGOTIATE)).encode());
		assertEquals(1, NegotiateResponse.parse(neg).dialectIndex());
		assertEquals(17, neg.wordCount());
		SmbPacket r = send(new SendMessage("BOB".getBytes(), "HERALD".getBytes(), "Hi\r\nthere".getBytes()).toPacket(h(SmbCommand.SEND_MESSAGE))
				.encode());
		assertTrue(r.header().success());
		assertEquals("Hi\nthere", sink.messages().get(0).text());
	}

	@Test
	void sendMessageWithoutNegotiate() throws Exception {
		send(new SendMessage("BOB".getBytes(), new byte[0], "x".getBytes()).toPacket(h(SmbCommand.SEND_MESSAGE)).encode());
		assertEquals("HERALD", sink.messages().get(0).recipientName(), "no destination in the message: the called name");
	}

	@Test
	void negotiateWithoutNtLm012() throws Exception {
		SmbPacket neg = send(new NegotiateRequest(List.of("SMB 2.002")).toPacket(h(SmbCommand.NEGOTIATE)).encode());
		assertEquals(NegotiateResponse.NO_DIALECT, NegotiateResponse.parse(neg).dialectIndex());
	}

	@Test
	void sinkFailureIsNeverAcknowledged() throws Exception {
		sink.failing(true);
		send(START);
		send(TEXT);
		SmbPacket end = send(END);
		// smbclient sent flags2 0: the DOS form, ERRDOS / 0x47, as smbd refuses a message
		assertEquals(SmbError.REQUEST_NOT_ACCEPTED.status(false), end.header().status());
		assertEquals("ff534d42d6" + "01004700" + "80", HEX.formatHex(end.encode()).substring(0, 20));
		SmbPacket d0 = send(new SendMessage("A".getBytes(), "B".getBytes(), "x".getBytes()).toPacket(h(SmbCommand.SEND_MESSAGE)).encode());
		assertEquals(0xC00000D0, d0.header().status(), "NT status form when the request asked for it");
		assertEquals(2, counters.snapshot().sinkFailures());
		assertEquals(0, counters.snapshot().stored());
	}

	@Test
	void otherCommandsAreRefusedAndTheSessionGoesOn() throws Exception {
		SmbHeader echo = h(0x2B);
		SmbPacket r = send(new SmbPacket(echo, SmbPacket.wordsOf(1), new byte[] { 1, 2 }).encode());
		assertEquals(SmbError.NOT_IMPLEMENTED.ntStatus(), r.header().status());
		assertEquals(1, counters.snapshot().rejectedCommands());
		send(START);
		send(TEXT);
		assertTrue(send(END).header().success());
		assertEquals(1, sink.messages().size());
	}

	@Test
	void unknownGroupIsAnError() throws Exception {
		SmbPacket r = send(new TextBlock(9, "x".getBytes()).toPacket(h(SmbCommand.SEND_TEXT_MB_MESSAGE)).encode());
		assertEquals(SmbError.INVALID_PARAMETER.ntStatus(), r.header().status());
		SmbPacket e = send(new EndMultiBlock(9).toPacket(h(SmbCommand.SEND_END_MB_MESSAGE)).encode());
		assertEquals(SmbError.INVALID_PARAMETER.ntStatus(), e.header().status());
	}

	@Test
	void groupsAreBoundedAndSeparate() throws Exception {
		int[] ids = new int[SmbMessengerSession.MAX_OPEN_GROUPS];
		for (int i = 0; i < ids.length; i++) {
			ids[i] = StartMultiBlock.groupIdOf(send(new StartMultiBlock(("S" + i).getBytes(), "HERALD".getBytes()).toPacket(h(SmbCommand.SEND_START_MB_MESSAGE)).encode()));
		}
		assertEquals(4, Arrays.stream(ids).distinct().count());
		SmbPacket over = send(new StartMultiBlock("X".getBytes(), "Y".getBytes()).toPacket(h(SmbCommand.SEND_START_MB_MESSAGE)).encode());
		assertEquals(SmbError.INSUFFICIENT_RESOURCES.ntStatus(), over.header().status());
		send(new TextBlock(ids[2], "two".getBytes()).toPacket(h(SmbCommand.SEND_TEXT_MB_MESSAGE)).encode());
		send(new TextBlock(ids[1], "one".getBytes()).toPacket(h(SmbCommand.SEND_TEXT_MB_MESSAGE)).encode());
		send(new EndMultiBlock(ids[2]).toPacket(h(SmbCommand.SEND_END_MB_MESSAGE)).encode());
		send(new EndMultiBlock(ids[1]).toPacket(h(SmbCommand.SEND_END_MB_MESSAGE)).encode());
		assertEquals("S2", sink.messages().get(0).senderName());
		assertEquals("two", sink.messages().get(0).text());
		assertEquals("S1", sink.messages().get(1).senderName());
		assertEquals("one", sink.messages().get(1).text());
	}

	@Test
	void overlongTextIsCutAndMarkedRepaired() throws Exception {
		int group = StartMultiBlock.groupIdOf(send(START));
		byte[] block = new byte[TextBlock.MAX_BLOCK];
		Arrays.fill(block, (byte) 'y');
		int blocks = SmbMessengerSession.MAX_TEXT / TextBlock.MAX_BLOCK + 2;
		for (int i = 0; i < blocks; i++) {
			assertTrue(send(new TextBlock(group, block).toPacket(h(SmbCommand.SEND_TEXT_MB_MESSAGE)).encode()).header().success());
		}
		send(new EndMultiBlock(group).toPacket(h(SmbCommand.SEND_END_MB_MESSAGE)).encode());
		ReceivedMessage m = sink.messages().get(0);
		assertEquals(SmbMessengerSession.MAX_TEXT, m.text().length());
		assertEquals(Set.of(MessageFlag.REPAIRED), m.flags());
	}

	@Test
	void malformedRequests() throws Exception {
		byte[] bad = HEX.parseHex(TEXT);
		bad[32] = 5; // WordCount 5 runs past the end
		SmbPacket r = send(bad);
		assertEquals(SmbError.INVALID_SMB.status(false), r.header().status());
		byte[] smb2 = HEX.parseHex("fe534d42" + "00".repeat(60));
		assertNull(session.handle(smb2), "not SMB1: close");
		assertNull(session.handle(new byte[3]));
		assertEquals(3, counters.snapshot().malformed());
		// the session still works
		send(START);
		send(TEXT);
		assertTrue(send(END).header().success());
	}
}
