/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.smb;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.herald.netbios.wire.MalformedPacketException;
import org.herald.smb.wire.EndMultiBlock;
import org.herald.smb.wire.NegotiateRequest;
import org.herald.smb.wire.NegotiateResponse;
import org.herald.smb.wire.SendMessage;
import org.herald.smb.wire.SmbCommand;
import org.herald.smb.wire.SmbHeader;
import org.herald.smb.wire.SmbPacket;
import org.herald.smb.wire.StartMultiBlock;
import org.herald.smb.wire.TextBlock;
import org.herald.smb.wire.SmbError;

/**
 * The sending side of the Messenger's SMB conversation on one session (MS-MSRP 3.2.4). Text of at
 * most {@link SendMessage#MAX_TEXT} bytes goes as SMB_COM_SEND_MESSAGE (0xD0) after a negotiate
 * (smbd takes 0xD0 only then); longer text, or a peer that does not negotiate NT LM 0.12, gets the
 * multi-block form: 0xD5, 0xD7 blocks of at most {@link TextBlock#MAX_BLOCK} bytes, 0xD6, as
 * smbclient -M sends it. Names and text are OEM code page bytes, encoded by the caller.
 */
public final class MessageConversation {

	private final AtomicInteger mids;

	/** @param mids the multiplex ids to use, shared by the sender's conversations */
	public MessageConversation(AtomicInteger mids) {
		this.mids = mids;
	}

	/**
	 * Delivers one message on {@code session}.
	 *
	 * @return null if every request was answered with success, else the header of the reply that
	 *         failed (its status says why: e.g. a refusal, {@code SmbError.refusalOf})
	 */
	public SmbHeader send(SmbSession session, byte[] from, byte[] to, byte[] text) throws IOException {
		if (text.length <= SendMessage.MAX_TEXT && negotiates(session)) {
			SmbPacket r = session.exchange(new SendMessage(from, to, text).toPacket(header(SmbCommand.SEND_MESSAGE)));
			return r.header().success() ? null : r.header();
		}
		SmbPacket start = session.exchange(new StartMultiBlock(from, to).toPacket(header(SmbCommand.SEND_START_MB_MESSAGE)));
		if (!start.header().success()) {
			return start.header();
		}
		int group = StartMultiBlock.groupIdOf(start);
		for (int off = 0; off < text.length; off += TextBlock.MAX_BLOCK) {
			byte[] block = Arrays.copyOfRange(text, off, Math.min(text.length, off + TextBlock.MAX_BLOCK));
			SmbPacket r = session.exchange(new TextBlock(group, block).toPacket(header(SmbCommand.SEND_TEXT_MB_MESSAGE)));
			if (!r.header().success()) {
				return r.header();
			}
		}
		SmbPacket end = session.exchange(new EndMultiBlock(group).toPacket(header(SmbCommand.SEND_END_MB_MESSAGE)));
		return end.header().success() ? null : end.header();
	}

	private boolean negotiates(SmbSession session) throws IOException {
		SmbPacket neg = session.exchange(new NegotiateRequest(List.of(NegotiateRequest.NT_LM_012)).toPacket(header(SmbCommand.NEGOTIATE)));
		if (!neg.header().success()) {
			return false;
		}
		try {
			return NegotiateResponse.parse(neg).dialectIndex() == 0;
		} catch (MalformedPacketException e) {
			return false;
		}
	}

	private SmbHeader header(int command) {
		return SmbHeader.request(command, mids.getAndIncrement() & 0xFFFF);
	}
}
