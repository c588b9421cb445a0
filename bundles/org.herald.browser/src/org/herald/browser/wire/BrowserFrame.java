/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.browser.wire;

import org.herald.netbios.wire.MalformedPacketException;

/**
 * A browser protocol frame (MS-BRWS 2.2), the data of a mailslot write to {@code \MAILSLOT\BROWSE}
 * or {@code \MAILSLOT\LANMAN}. The first byte is the opcode. Pure functions over bytes.
 */
public sealed interface BrowserFrame
		permits Announcement, AnnouncementRequest, ElectionRequest, GetBackupListRequest, GetBackupListResponse, MasterAnnouncement,
		OtherBrowserFrame {

	int HOST_ANNOUNCEMENT = 0x01;
	int ANNOUNCEMENT_REQUEST = 0x02;
	int REQUEST_ELECTION = 0x08;
	int GET_BACKUP_LIST_REQUEST = 0x09;
	int GET_BACKUP_LIST_RESPONSE = 0x0A;
	int BECOME_BACKUP = 0x0B;
	int DOMAIN_ANNOUNCEMENT = 0x0C;
	int MASTER_ANNOUNCEMENT = 0x0D;
	int RESET_STATE_REQUEST = 0x0E;
	int LOCAL_MASTER_ANNOUNCEMENT = 0x0F;

	int opcode();

	byte[] encode();

	/** Reads one frame; opcodes Herald does not interpret come back as {@link OtherBrowserFrame}. */
	static BrowserFrame parse(byte[] data) throws MalformedPacketException {
		if (data.length == 0) {
			throw new MalformedPacketException("empty browser frame");
		}
		int opcode = data[0] & 0xFF;
		return switch (opcode) {
			case HOST_ANNOUNCEMENT, DOMAIN_ANNOUNCEMENT, LOCAL_MASTER_ANNOUNCEMENT -> Announcement.parse(data);
			case ANNOUNCEMENT_REQUEST -> AnnouncementRequest.parse(data);
			case REQUEST_ELECTION -> ElectionRequest.parse(data);
			case GET_BACKUP_LIST_REQUEST -> GetBackupListRequest.parse(data);
			case GET_BACKUP_LIST_RESPONSE -> GetBackupListResponse.parse(data);
			case MASTER_ANNOUNCEMENT -> MasterAnnouncement.parse(data);
			default -> new OtherBrowserFrame(opcode, data);
		};
	}
}
