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
 * SMB_COM_SEND_START_MB_MESSAGE (0xD5) request: WordCount 0; data block 0x04 + originator,
 * 0x04 + destination. The reply's first parameter word, when present, is the message group id that
 * the text blocks and the end request carry (smbd replies with WordCount 0: group id 0).
 */
public record StartMultiBlock(byte[] originator, byte[] destination) {

	public StartMultiBlock {
		originator = originator.clone();
		destination = destination.clone();
	}

	public static StartMultiBlock parse(SmbPacket packet) throws MalformedPacketException {
		if (packet.command() != SmbCommand.SEND_START_MB_MESSAGE) {
			throw new MalformedPacketException("not SMB_COM_SEND_START_MB_MESSAGE");
		}
		DataBlock block = new DataBlock(packet.rawBytes());
		byte[] from = block.string(DataBlock.ASCII, "originator name");
		byte[] to = block.string(DataBlock.ASCII, "destination name");
		return new StartMultiBlock(from, to);
	}

	public SmbPacket toPacket(SmbHeader header) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(originator.length + destination.length + 4);
		DataBlock.writeString(out, DataBlock.ASCII, originator);
		DataBlock.writeString(out, DataBlock.ASCII, destination);
		return new SmbPacket(header, new byte[0], out.toByteArray());
	}

	/** The group id from a start reply: its first word, or 0 if the reply has none (smbd). */
	public static int groupIdOf(SmbPacket reply) {
		return reply.wordCount() >= 1 ? reply.word(0) : 0;
	}

	@Override
	public byte[] originator() {
		return originator.clone();
	}

	@Override
	public byte[] destination() {
		return destination.clone();
	}
}
