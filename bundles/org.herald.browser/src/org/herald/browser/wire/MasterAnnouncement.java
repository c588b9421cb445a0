/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.browser.wire;

import java.io.ByteArrayOutputStream;

import org.herald.netbios.wire.MalformedPacketException;
import org.herald.smb.wire.Le;

/** MasterAnnouncement (0x0D, MS-BRWS 2.2.8): a local master tells the domain master its name. */
public record MasterAnnouncement(String masterBrowserName) implements BrowserFrame {

	@Override
	public int opcode() {
		return MASTER_ANNOUNCEMENT;
	}

	@Override
	public byte[] encode() {
		ByteArrayOutputStream out = new ByteArrayOutputStream(18);
		out.write(MASTER_ANNOUNCEMENT);
		Le.writeString(out, masterBrowserName);
		return out.toByteArray();
	}

	static MasterAnnouncement parse(byte[] b) throws MalformedPacketException {
		Le.need(b, 2, "MasterAnnouncement");
		return new MasterAnnouncement(Le.cstring(b, 1, b.length, "MasterBrowserServerName"));
	}
}
