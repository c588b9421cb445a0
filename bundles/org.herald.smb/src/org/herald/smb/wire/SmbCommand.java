/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.smb.wire;

/** The SMB1 command codes the Messenger uses (MS-CIFS 2.2.2.1; the message commands from MS-MSRP). */
public final class SmbCommand {

	public static final int TRANSACTION = 0x25;
	public static final int NEGOTIATE = 0x72;
	public static final int SEND_MESSAGE = 0xD0;
	public static final int SEND_BROADCAST_MESSAGE = 0xD1;
	public static final int SEND_START_MB_MESSAGE = 0xD5;
	public static final int SEND_END_MB_MESSAGE = 0xD6;
	public static final int SEND_TEXT_MB_MESSAGE = 0xD7;

	private SmbCommand() {
	}

	public static String nameOf(int command) {
		return switch (command) {
		case TRANSACTION -> "SMB_COM_TRANSACTION";
		case NEGOTIATE -> "SMB_COM_NEGOTIATE";
		case SEND_MESSAGE -> "SMB_COM_SEND_MESSAGE";
		case SEND_BROADCAST_MESSAGE -> "SMB_COM_SEND_BROADCAST_MESSAGE";
		case SEND_START_MB_MESSAGE -> "SMB_COM_SEND_START_MB_MESSAGE";
		case SEND_END_MB_MESSAGE -> "SMB_COM_SEND_END_MB_MESSAGE";
		case SEND_TEXT_MB_MESSAGE -> "SMB_COM_SEND_TEXT_MB_MESSAGE";
		default -> String.format("SMB command 0x%02X", command);
		};
	}
}
