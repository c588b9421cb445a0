/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.smb.wire;

import java.io.ByteArrayOutputStream;

import org.herald.netbios.wire.MalformedPacketException;
import org.herald.smb.wire.SmbCommand;
import org.herald.smb.wire.SmbHeader;
import org.herald.smb.wire.SmbPacket;

/**
 * SMB_COM_SEND_TEXT_MB_MESSAGE (0xD7) request: WordCount 1 (message group id); data block 0x01 +
 * 16-bit length + one block of text. Senders keep blocks to {@link #MAX_BLOCK} bytes.
 */
public record TextBlock(int groupId, byte[] text) {

	/** Blocks as smbclient and Windows send them: at most 127 bytes. */
	public static final int MAX_BLOCK = 127;

	public TextBlock {
		text = text.clone();
	}

	public static TextBlock parse(SmbPacket packet) throws MalformedPacketException {
		if (packet.command() != SmbCommand.SEND_TEXT_MB_MESSAGE) {
			throw new MalformedPacketException("not SMB_COM_SEND_TEXT_MB_MESSAGE");
		}
		if (packet.wordCount() != 1) {
			throw new MalformedPacketException("SMB_COM_SEND_TEXT_MB_MESSAGE must have WordCount 1, not " + packet.wordCount());
		}
		DataBlock block = new DataBlock(packet.rawBytes());
		return new TextBlock(packet.word(0), block.dataBlock("text block"));
	}

	public SmbPacket toPacket(SmbHeader header) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(text.length + 3);
		DataBlock.writeData(out, text);
		return new SmbPacket(header, SmbPacket.wordsOf(groupId), out.toByteArray());
	}

	@Override
	public byte[] text() {
		return text.clone();
	}
}
