/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.browser.wire;

import java.io.ByteArrayOutputStream;

import org.herald.netbios.wire.MalformedPacketException;
import org.herald.smb.wire.Le;

/**
 * GetBackupListRequest (0x09, MS-BRWS 2.2.4), sent to {@code <group><1D>}: how many backup browser
 * names are wanted, and a token the response echoes.
 */
public record GetBackupListRequest(int requestedCount, long token) implements BrowserFrame {

	@Override
	public int opcode() {
		return GET_BACKUP_LIST_REQUEST;
	}

	@Override
	public byte[] encode() {
		ByteArrayOutputStream out = new ByteArrayOutputStream(6);
		out.write(GET_BACKUP_LIST_REQUEST);
		out.write(requestedCount);
		Le.write32(out, token);
		return out.toByteArray();
	}

	static GetBackupListRequest parse(byte[] b) throws MalformedPacketException {
		Le.need(b, 6, "GetBackupListRequest");
		return new GetBackupListRequest(b[1] & 0xFF, Le.u32(b, 2));
	}
}
