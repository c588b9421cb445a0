/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.smb.wire;

import java.util.HexFormat;

/**
 * SMB messages captured from Samba 4.17 in a private namespace (releng/interop/capture-messenger.sh):
 * {@code smbclient -M SMBD1 -I 198.51.100.1 -U <sender>} on host 198.51.100.2 talking to smbd, and
 * Herald's sender talking to smbd on TCP 445. The hex is the SMB without its 4-byte session header.
 */
final class CapturedFrames {

	/** 0xD5 from alice to SMBD1 (pid 0x2023, flags 0, flags2 0). */
	static final String START_ALICE = "ff534d42d5000000000000000000000000000000000000000000232000000000000e0004616c6963650004534d42443100";
	/** smbd's reply to it: WordCount 0, ByteCount 0, success; flags 0x80, flags2 0x4003. */
	static final String START_REPLY = "ff534d42d5000000008003400000000000000000000000000000232000000000000000";
	/** 0xD7, group 0, "Hello". */
	static final String TEXT_HELLO = "ff534d42d7000000000000000000000000000000000000000000232000000000010000080001050048656c6c6f";
	/** 0xD6, group 0. */
	static final String END = "ff534d42d60000000000000000000000000000000000000000002320000000000100000000";
	/** Header and block prefix of the first 0xD7 of a 200-byte text: 127 'x' follow. */
	static final String TEXT_127_PREFIX = "ff534d42d70000000000000000000000000000000000000000004920000000000100008200017f00";

	/** smbd's answer to Herald's negotiate (dialects: NT LM 0.12): WordCount 17, dialect 0, Unicode domain and server. */
	static final String SMBD_NEGOTIATE_REPLY = "ff534d427200000000880340000000000000000000000000000000000000010011000003320001000441000000000100711e0000fdf3"
			+ "80005198ae33ef7fdd010000081a00f8ee648a0760e89257004700000053004d004200440031000000";
	/** Herald's SMB_COM_SEND_MESSAGE from frank to 198.51.100.1, "short one", as it went to smbd. */
	static final String HERALD_SEND_MESSAGE = "ff534d42d0000000001801400000000000000000000000000000000000000200002100046672616e6b00043139382e35312e31"
			+ "30302e310001090073686f7274206f6e65";
	/** smbd's success reply to it. */
	static final String SMBD_SEND_MESSAGE_REPLY = "ff534d42d0000000008803400000000000000000000000000000000000000200000000";
	/** The reply of an smbd without a message command: DOS error class 1 (ERRDOS) code 0x47, flags2 without NT status. */
	static final String SMBD_REFUSAL = "ff534d42d0010047008803000000000000000000000000000000000000000200000000";

	private CapturedFrames() {
	}

	static byte[] bytes(String hex) {
		return HexFormat.of().parseHex(hex);
	}
}
