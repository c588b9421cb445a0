/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.smb.wire;

import static org.herald.smb.wire.CapturedFrames.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.herald.smb.wire.Le;
import org.herald.smb.wire.NegotiateResponse;
import org.herald.smb.wire.SmbError;
import org.herald.smb.wire.SmbPacket;
import org.herald.smb.wire.SmbReplies;
import org.herald.smb.wire.SendMessage;

/** What smbd answered Herald's sender (captured), read with Herald's codecs. */
class SmbdRepliesTest {

	@Test
	void smbdNegotiateReply() throws Exception {
		SmbPacket p = SmbPacket.parse(bytes(CapturedFrames.SMBD_NEGOTIATE_REPLY));
		assertTrue(p.header().isReply());
		assertTrue(p.header().success());
		assertEquals(17, p.wordCount());
		assertEquals(0, NegotiateResponse.parse(p).dialectIndex(), "NT LM 0.12, the only dialect offered");
		assertEquals(NegotiateResponse.SECURITY_MODE, p.words()[2]);
		assertEquals(NegotiateResponse.MAX_MPX_COUNT, Le.u16(p.words(), 3));
		assertEquals(NegotiateResponse.MAX_BUFFER_SIZE, Le.i32(p.words(), 7), "the same MaxBufferSize Herald offers");
		assertEquals(8, p.words()[33], "an 8-byte challenge, as Herald sends too");
	}

	@Test
	void heraldSendMessageAsSmbdGotIt() throws Exception {
		SendMessage m = SendMessage.parse(SmbPacket.parse(bytes(CapturedFrames.HERALD_SEND_MESSAGE)));
		assertArrayEquals("frank".getBytes(), m.originator());
		assertArrayEquals("198.51.100.1".getBytes(), m.destination());
		assertArrayEquals("short one".getBytes(), m.text());
		SmbPacket ok = SmbPacket.parse(bytes(CapturedFrames.SMBD_SEND_MESSAGE_REPLY));
		assertTrue(ok.header().success());
		assertEquals(2, ok.header().mid(), "smbd echoes the multiplex id");
	}

	@Test
	void smbdRefusalIsADosError() throws Exception {
		SmbPacket r = SmbPacket.parse(bytes(CapturedFrames.SMBD_REFUSAL));
		assertFalse(r.header().success());
		assertFalse(r.header().ntStatus());
		assertEquals("DOS error class 1 code 0x0047", SmbError.describe(r.header()));
		assertEquals(SmbError.REQUEST_NOT_ACCEPTED.status(false), r.header().status(), "the same refusal Herald's receiver gives");
		assertEquals("ff534d42d0010047", HexFormat.of().formatHex(SmbReplies.error(r.header(), SmbError.REQUEST_NOT_ACCEPTED).encode()).substring(0, 16));
	}
}
