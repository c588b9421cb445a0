/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.browser.wire;

import java.io.ByteArrayOutputStream;

import org.herald.netbios.wire.MalformedPacketException;
import org.herald.smb.wire.Le;

/**
 * AnnouncementRequest (0x02, MS-BRWS 2.2.2): sent to {@code <group><00>} it makes every host of the
 * workgroup announce itself; to {@code <group><1D>} only the local master browser.
 *
 * @param responseName the sender's name (receivers ignore it)
 */
public record AnnouncementRequest(String responseName) implements BrowserFrame {

	@Override
	public int opcode() {
		return ANNOUNCEMENT_REQUEST;
	}

	@Override
	public byte[] encode() {
		ByteArrayOutputStream out = new ByteArrayOutputStream(18);
		out.write(ANNOUNCEMENT_REQUEST);
		out.write(0); // Reserved
		Le.writeString(out, responseName);
		return out.toByteArray();
	}

	static AnnouncementRequest parse(byte[] b) throws MalformedPacketException {
		Le.need(b, 3, "AnnouncementRequest");
		return new AnnouncementRequest(Le.cstring(b, 2, b.length, "ResponseName"));
	}
}
