/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.smb.wire;

import org.herald.netbios.wire.MalformedPacketException;
import org.herald.smb.wire.SmbCommand;
import org.herald.smb.wire.SmbHeader;
import org.herald.smb.wire.SmbPacket;

/** SMB_COM_SEND_END_MB_MESSAGE (0xD6) request: WordCount 1 (message group id), ByteCount 0. */
public record EndMultiBlock(int groupId) {

	public static EndMultiBlock parse(SmbPacket packet) throws MalformedPacketException {
		if (packet.command() != SmbCommand.SEND_END_MB_MESSAGE) {
			throw new MalformedPacketException("not SMB_COM_SEND_END_MB_MESSAGE");
		}
		if (packet.wordCount() != 1) {
			throw new MalformedPacketException("SMB_COM_SEND_END_MB_MESSAGE must have WordCount 1, not " + packet.wordCount());
		}
		return new EndMultiBlock(packet.word(0));
	}

	public SmbPacket toPacket(SmbHeader header) {
		return new SmbPacket(header, SmbPacket.wordsOf(groupId), new byte[0]);
	}
}
