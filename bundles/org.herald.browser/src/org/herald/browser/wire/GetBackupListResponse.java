/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.browser.wire;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

import org.herald.netbios.wire.MalformedPacketException;
import org.herald.smb.wire.Le;

/**
 * GetBackupListResponse (0x0A, MS-BRWS 2.2.5): BackupServerCount, the request's token, then that
 * many NUL-terminated browser server names.
 */
public record GetBackupListResponse(long token, List<String> backupServers) implements BrowserFrame {

	public GetBackupListResponse {
		backupServers = List.copyOf(backupServers);
	}

	@Override
	public int opcode() {
		return GET_BACKUP_LIST_RESPONSE;
	}

	@Override
	public byte[] encode() {
		ByteArrayOutputStream out = new ByteArrayOutputStream(6 + 16 * backupServers.size());
		out.write(GET_BACKUP_LIST_RESPONSE);
		out.write(backupServers.size());
		Le.write32(out, token);
		backupServers.forEach(s -> Le.writeString(out, s));
		return out.toByteArray();
	}

	static GetBackupListResponse parse(byte[] b) throws MalformedPacketException {
		Le.need(b, 6, "GetBackupListResponse");
		int count = b[1] & 0xFF;
		List<String> names = new ArrayList<>(count);
		int at = 6;
		for (int i = 0; i < count; i++) {
			String s = Le.cstring(b, at, b.length, "backup server name " + (i + 1) + " of " + count);
			names.add(s);
			at += s.length() + 1;
		}
		return new GetBackupListResponse(Le.u32(b, 2), names);
	}
}
