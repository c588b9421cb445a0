/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.smb.wire;

import org.herald.netbios.wire.MalformedPacketException;

/**
 * The 32-byte SMB1 header (MS-CIFS 2.2.3.1), little-endian: protocol id 0xFF 'SMB', command, status,
 * flags, flags2, PID high, 8 bytes of security features, reserved, TID, PID low, UID, MID.
 *
 * @param status the 32-bit status: an NT status when {@link #FLAGS2_NT_STATUS} is set, else a DOS
 *               error (class in the low byte, code in the high 16 bits)
 */
public record SmbHeader(int command, int status, int flags, int flags2, int pidHigh, long securityFeatures, int tid, int pidLow,
		int uid, int mid) {

	public static final int LENGTH = 32;

	/** MS-CIFS 2.2.3.1 Flags. */
	public static final int FLAGS_CASE_INSENSITIVE = 0x08;
	public static final int FLAGS_CANONICALIZED_PATHS = 0x10;
	public static final int FLAGS_REPLY = 0x80;

	/** MS-CIFS 2.2.3.1 Flags2. */
	public static final int FLAGS2_LONG_NAMES = 0x0001;
	public static final int FLAGS2_NT_STATUS = 0x4000;
	public static final int FLAGS2_UNICODE = 0x8000;

	public SmbHeader {
		if (command < 0 || command > 0xFF || flags < 0 || flags > 0xFF) {
			throw new IllegalArgumentException("command or flags out of byte range");
		}
	}

	/** A request header with zero status, the usual flags and the given multiplex id. */
	public static SmbHeader request(int command, int mid) {
		return new SmbHeader(command, 0, FLAGS_CASE_INSENSITIVE | FLAGS_CANONICALIZED_PATHS, FLAGS2_LONG_NAMES | FLAGS2_NT_STATUS, 0, 0,
				0, 0, 0, mid);
	}

	/** The header of the reply to this request: reply flag set, ids echoed, the given status. */
	public SmbHeader reply(int replyStatus) {
		return new SmbHeader(command, replyStatus, flags | FLAGS_REPLY, flags2 & ~FLAGS2_UNICODE, pidHigh, 0, tid, pidLow, uid, mid);
	}

	public boolean isReply() {
		return (flags & FLAGS_REPLY) != 0;
	}

	public boolean ntStatus() {
		return (flags2 & FLAGS2_NT_STATUS) != 0;
	}

	/** Whether the status means success, in either status form. */
	public boolean success() {
		return status == 0;
	}

	public static SmbHeader parse(byte[] b, int offset, int length) throws MalformedPacketException {
		if (length < LENGTH || offset + length > b.length) {
			throw new MalformedPacketException("SMB shorter than its 32-byte header");
		}
		if ((b[offset] & 0xFF) != 0xFF || b[offset + 1] != 'S' || b[offset + 2] != 'M' || b[offset + 3] != 'B') {
			throw new MalformedPacketException("not an SMB1 message (protocol id is not 0xFF 'SMB')");
		}
		return new SmbHeader(b[offset + 4] & 0xFF, Le.i32(b, offset + 5), b[offset + 9] & 0xFF, Le.u16(b, offset + 10),
				Le.u16(b, offset + 12), Le.i64(b, offset + 14), Le.u16(b, offset + 24), Le.u16(b, offset + 26), Le.u16(b, offset + 28),
				Le.u16(b, offset + 30));
	}

	public void write(byte[] out, int offset) {
		out[offset] = (byte) 0xFF;
		out[offset + 1] = 'S';
		out[offset + 2] = 'M';
		out[offset + 3] = 'B';
		out[offset + 4] = (byte) command;
		Le.put32(out, offset + 5, status);
		out[offset + 9] = (byte) flags;
		Le.put16(out, offset + 10, flags2);
		Le.put16(out, offset + 12, pidHigh);
		Le.put64(out, offset + 14, securityFeatures);
		Le.put16(out, offset + 22, 0);
		Le.put16(out, offset + 24, tid);
		Le.put16(out, offset + 26, pidLow);
		Le.put16(out, offset + 28, uid);
		Le.put16(out, offset + 30, mid);
	}
}
