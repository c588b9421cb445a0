/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.browser.wire;

import java.io.ByteArrayOutputStream;

import org.herald.netbios.wire.MalformedPacketException;
import org.herald.smb.wire.Le;

/**
 * RequestElection (0x08, MS-BRWS 2.2.3): Version, Criteria (32-bit LE), Uptime (ms, 32-bit LE),
 * Reserved (4), the sender's name. Herald only reads it (it never stands as a browser).
 */
public record ElectionRequest(int version, long criteria, long uptime, String serverName) implements BrowserFrame {

	@Override
	public int opcode() {
		return REQUEST_ELECTION;
	}

	@Override
	public byte[] encode() {
		ByteArrayOutputStream out = new ByteArrayOutputStream(30);
		out.write(REQUEST_ELECTION);
		out.write(version);
		Le.write32(out, criteria);
		Le.write32(out, uptime);
		Le.write32(out, 0);
		Le.writeString(out, serverName);
		return out.toByteArray();
	}

	static ElectionRequest parse(byte[] b) throws MalformedPacketException {
		Le.need(b, 15, "RequestElection");
		return new ElectionRequest(b[1] & 0xFF, Le.u32(b, 2), Le.u32(b, 6), Le.cstring(b, 14, b.length, "ServerName"));
	}
}
