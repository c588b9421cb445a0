/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.netbios.wire;

import java.nio.charset.StandardCharsets;

/**
 * Reads the mailslot name a datagram's user data is written to, without decoding the rest: a
 * mailslot write is an SMB_COM_TRANSACTION (MS-MAIL 2.2.1, MS-CIFS 2.2.4.33.1) whose transaction
 * name, the first field of SMB_Data.Bytes, is the mailslot's name (e.g. {@code \MAILSLOT\BROWSE}),
 * NUL-terminated and in the OEM character set (datagrams carry no Unicode flag).
 */
public final class MailslotName {

	/** SMB_COM_TRANSACTION. */
	public static final int TRANSACTION = 0x25;
	private static final int HEADER = 32;

	private MailslotName() {
	}

	/**
	 * The transaction name of the SMB in {@code smb}.
	 *
	 * @throws MalformedPacketException if it is no SMB_COM_TRANSACTION or its name runs past its ByteCount
	 */
	public static String read(byte[] smb) throws MalformedPacketException {
		if (smb.length < HEADER + 1) {
			throw new MalformedPacketException("user data of " + smb.length + " bytes is no SMB");
		}
		if ((smb[0] & 0xFF) != 0xFF || smb[1] != 'S' || smb[2] != 'M' || smb[3] != 'B') {
			throw new MalformedPacketException("user data does not start with the SMB protocol id");
		}
		if ((smb[4] & 0xFF) != TRANSACTION) {
			throw new MalformedPacketException(String.format("SMB command 0x%02X is no transaction", smb[4] & 0xFF));
		}
		int wordCount = smb[HEADER] & 0xFF;
		int byteCountAt = HEADER + 1 + 2 * wordCount;
		if (byteCountAt + 2 > smb.length) {
			throw new MalformedPacketException("transaction WordCount " + wordCount + " runs past the " + smb.length + "-byte SMB");
		}
		int byteCount = (smb[byteCountAt] & 0xFF) | (smb[byteCountAt + 1] & 0xFF) << 8;
		int start = byteCountAt + 2;
		int end = Math.min(smb.length, start + byteCount);
		for (int i = start; i < end; i++) {
			if (smb[i] == 0) {
				return new String(smb, start, i - start, StandardCharsets.ISO_8859_1);
			}
		}
		throw new MalformedPacketException("transaction name is not NUL-terminated within ByteCount " + byteCount);
	}
}
