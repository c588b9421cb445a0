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
 * SMB_COM_SEND_MESSAGE (0xD0) request, a single-block message (MS-MSRP; the core protocol's message commands):
 * WordCount 0; data block 0x04 + originator, 0x04 + destination, 0x01 + 16-bit length + text.
 * Names and text are OEM code page bytes, kept raw here; the Messenger's MessageCharset decodes them.
 */
public record SendMessage(byte[] originator, byte[] destination, byte[] text) {

	/** MS-MSRP: a single-block message carries at most 128 bytes of text. */
	public static final int MAX_TEXT = 128;

	public SendMessage {
		originator = originator.clone();
		destination = destination.clone();
		text = text.clone();
	}

	public static SendMessage parse(SmbPacket packet) throws MalformedPacketException {
		if (packet.command() != SmbCommand.SEND_MESSAGE) {
			throw new MalformedPacketException("not SMB_COM_SEND_MESSAGE");
		}
		if (packet.wordCount() != 0) {
			throw new MalformedPacketException("SMB_COM_SEND_MESSAGE must have WordCount 0");
		}
		DataBlock block = new DataBlock(packet.rawBytes());
		byte[] from = block.string(DataBlock.ASCII, "originator name");
		byte[] to = block.string(DataBlock.ASCII, "destination name");
		byte[] text = block.dataBlock("message text");
		return new SendMessage(from, to, text);
	}

	public SmbPacket toPacket(SmbHeader header) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(text.length + originator.length + destination.length + 8);
		DataBlock.writeString(out, DataBlock.ASCII, originator);
		DataBlock.writeString(out, DataBlock.ASCII, destination);
		DataBlock.writeData(out, text);
		return new SmbPacket(header, new byte[0], out.toByteArray());
	}

	@Override
	public byte[] originator() {
		return originator.clone();
	}

	@Override
	public byte[] destination() {
		return destination.clone();
	}

	@Override
	public byte[] text() {
		return text.clone();
	}
}
