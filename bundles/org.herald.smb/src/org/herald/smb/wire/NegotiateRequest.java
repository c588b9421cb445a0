/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.smb.wire;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.herald.netbios.wire.MalformedPacketException;

/**
 * SMB_COM_NEGOTIATE request (MS-CIFS 2.2.4.52.1): WordCount 0, the data block a list of dialect
 * strings, each 0x02 + NUL-terminated ASCII.
 */
public record NegotiateRequest(List<String> dialects) {

	/** The only dialect Herald speaks, the one Windows NT and smbd's NT1 use. */
	public static final String NT_LM_012 = "NT LM 0.12";

	public NegotiateRequest {
		dialects = List.copyOf(dialects);
	}

	/** The position of {@code NT LM 0.12} in the list, or -1. */
	public int indexOfNtLm012() {
		return dialects.indexOf(NT_LM_012);
	}

	public static NegotiateRequest parse(SmbPacket packet) throws MalformedPacketException {
		if (packet.command() != SmbCommand.NEGOTIATE) {
			throw new MalformedPacketException("not a negotiate request");
		}
		if (packet.wordCount() != 0) {
			throw new MalformedPacketException("negotiate request must have WordCount 0, not " + packet.wordCount());
		}
		DataBlock block = new DataBlock(packet.rawBytes());
		List<String> dialects = new ArrayList<>();
		while (!block.atEnd()) {
			dialects.add(new String(block.string(DataBlock.DIALECT, "dialect"), StandardCharsets.ISO_8859_1));
		}
		return new NegotiateRequest(dialects);
	}

	public SmbPacket toPacket(SmbHeader header) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (String d : dialects) {
			DataBlock.writeString(out, DataBlock.DIALECT, d.getBytes(StandardCharsets.ISO_8859_1));
		}
		return new SmbPacket(header, new byte[0], out.toByteArray());
	}
}
