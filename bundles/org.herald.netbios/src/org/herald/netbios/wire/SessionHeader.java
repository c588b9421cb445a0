/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.netbios.wire;

/**
 * The 4-byte header in front of every packet of a TCP session: either the NetBIOS session service
 * header of RFC 1002 section 4.3.1 (TCP 139: type, flags whose lowest bit extends the length to
 * 17 bits, 16-bit length) or the direct-hosting header of TCP 445 (MS-CIFS 2.1.1.2, MS-SMB2 2.1: a
 * zero byte and a 24-bit length).
 *
 * @param type   the packet type, one of the constants below (always {@link #SESSION_MESSAGE} on 445)
 * @param length the number of bytes after the header
 */
public record SessionHeader(int type, int length) {

	public static final int LENGTH = 4;

	/** RFC 1002 4.3.1 packet types. */
	public static final int SESSION_MESSAGE = 0x00;
	public static final int SESSION_REQUEST = 0x81;
	public static final int POSITIVE_SESSION_RESPONSE = 0x82;
	public static final int NEGATIVE_SESSION_RESPONSE = 0x83;
	public static final int RETARGET_SESSION_RESPONSE = 0x84;
	public static final int SESSION_KEEP_ALIVE = 0x85;

	/** The largest length a NetBIOS session header can carry (17 bits). */
	public static final int MAX_NETBIOS_LENGTH = 0x1FFFF;
	/** The largest length a direct-hosting header can carry (24 bits). */
	public static final int MAX_DIRECT_LENGTH = 0xFFFFFF;

	public SessionHeader {
		if (type < 0 || type > 0xFF) {
			throw new IllegalArgumentException("packet type out of range: " + type);
		}
		if (length < 0 || length > MAX_DIRECT_LENGTH) {
			throw new IllegalArgumentException("length out of range: " + length);
		}
	}

	/** Reads a NetBIOS session service header (TCP 139). */
	public static SessionHeader parseNetbios(byte[] b, int offset) throws MalformedPacketException {
		if (b.length - offset < LENGTH) {
			throw new MalformedPacketException("session header needs 4 bytes");
		}
		int type = b[offset] & 0xFF;
		int flags = b[offset + 1] & 0xFF;
		// RFC 1002 4.3.1: flag bits 0-6 are reserved and must be zero; bit 7 (E) extends the length.
		if ((flags & 0xFE) != 0) {
			throw new MalformedPacketException("reserved session flag bits set: 0x" + Integer.toHexString(flags));
		}
		switch (type) {
		case SESSION_MESSAGE, SESSION_REQUEST, POSITIVE_SESSION_RESPONSE, NEGATIVE_SESSION_RESPONSE,
				RETARGET_SESSION_RESPONSE, SESSION_KEEP_ALIVE -> {
			// known
		}
		default -> throw new MalformedPacketException("unknown session packet type 0x" + Integer.toHexString(type));
		}
		int length = (flags & 0x01) << 16 | (b[offset + 2] & 0xFF) << 8 | (b[offset + 3] & 0xFF);
		return new SessionHeader(type, length);
	}

	/** Reads a direct-hosting header (TCP 445): the first byte must be zero. */
	public static SessionHeader parseDirect(byte[] b, int offset) throws MalformedPacketException {
		if (b.length - offset < LENGTH) {
			throw new MalformedPacketException("direct-hosting header needs 4 bytes");
		}
		if (b[offset] != 0) {
			throw new MalformedPacketException("direct-hosting header must start with a zero byte");
		}
		int length = (b[offset + 1] & 0xFF) << 16 | (b[offset + 2] & 0xFF) << 8 | (b[offset + 3] & 0xFF);
		return new SessionHeader(SESSION_MESSAGE, length);
	}

	/** The NetBIOS form of this header. */
	public byte[] encodeNetbios() {
		if (length > MAX_NETBIOS_LENGTH) {
			throw new IllegalArgumentException("NetBIOS session packets carry at most 131071 bytes, not " + length);
		}
		return new byte[] { (byte) type, (byte) (length >>> 16 & 0x01), (byte) (length >>> 8), (byte) length };
	}

	/** The direct-hosting form of this header (only for session messages). */
	public byte[] encodeDirect() {
		if (type != SESSION_MESSAGE) {
			throw new IllegalArgumentException("direct hosting only frames session messages");
		}
		return new byte[] { 0, (byte) (length >>> 16), (byte) (length >>> 8), (byte) length };
	}
}
