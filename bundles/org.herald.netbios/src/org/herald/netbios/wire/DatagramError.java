/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.netbios.wire;

import java.net.Inet4Address;

/**
 * A datagram error packet (RFC 1002 section 4.4.3), sent back when a datagram could not be delivered.
 *
 * @param errorCode 0x82 destination name not present, 0x83 invalid source name format,
 *                  0x84 invalid destination name format
 */
public record DatagramError(int flags, int id, Inet4Address sourceAddress, int sourcePort, int errorCode) implements DatagramPacket {

	public static final int DESTINATION_NAME_NOT_PRESENT = 0x82;
	public static final int INVALID_SOURCE_NAME_FORMAT = 0x83;
	public static final int INVALID_DESTINATION_NAME_FORMAT = 0x84;

	@Override
	public int type() {
		return ERROR;
	}

	public byte[] encode() {
		byte[] out = new byte[COMMON_HEADER_LENGTH + 1];
		DatagramPacket.writeCommonHeader(out, ERROR, flags, id, sourceAddress, sourcePort);
		out[10] = (byte) errorCode;
		return out;
	}
}
