/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.netbios.wire;

import java.io.ByteArrayOutputStream;

import org.herald.api.NetbiosName;

/**
 * A session request (RFC 1002 section 4.3.2): the called name (whom the caller wants, for the
 * Messenger NAME&lt;03&gt;) and the calling name (the caller's own, usually NAME&lt;00&gt;).
 */
public record SessionRequest(EncodedName called, EncodedName calling) {

	public SessionRequest(NetbiosName called, NetbiosName calling) {
		this(new EncodedName(called), new EncodedName(calling));
	}

	/** The complete packet: session header and both encoded names. */
	public byte[] encode() {
		ByteArrayOutputStream body = new ByteArrayOutputStream(68);
		body.writeBytes(called.encode());
		body.writeBytes(calling.encode());
		byte[] names = body.toByteArray();
		byte[] header = new SessionHeader(SessionHeader.SESSION_REQUEST, names.length).encodeNetbios();
		byte[] packet = new byte[header.length + names.length];
		System.arraycopy(header, 0, packet, 0, header.length);
		System.arraycopy(names, 0, packet, header.length, names.length);
		return packet;
	}

	/**
	 * A session request calling {@code *SMBSERVER<20>}, the name a client calls when it knows only
	 * the server's address (a convention of Samba and Windows; {@link NetbiosName} cannot hold a name
	 * with '*', so this one is encoded here).
	 */
	public static byte[] encodeAnyServer(NetbiosName calling) {
		byte[] padded = "*SMBSERVER      ".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
		padded[15] = 0x20;
		ByteArrayOutputStream body = new ByteArrayOutputStream(68);
		body.write(EncodedName.NAME_LABEL_LENGTH);
		for (byte b : padded) {
			body.write('A' + ((b >> 4) & 0x0F));
			body.write('A' + (b & 0x0F));
		}
		body.write(0);
		body.writeBytes(new EncodedName(calling).encode());
		byte[] names = body.toByteArray();
		byte[] header = new SessionHeader(SessionHeader.SESSION_REQUEST, names.length).encodeNetbios();
		byte[] packet = new byte[header.length + names.length];
		System.arraycopy(header, 0, packet, 0, header.length);
		System.arraycopy(names, 0, packet, header.length, names.length);
		return packet;
	}

	/**
	 * Reads the trailer of a session request (what follows the 4-byte header). Names in a session
	 * request are never compressed; a pointer is refused.
	 */
	public static SessionRequest parseTrailer(byte[] trailer) throws MalformedPacketException {
		EncodedName.Read called = EncodedName.read(trailer, 0, trailer.length);
		if (called.next() < trailer.length && (trailer[called.next()] & 0xC0) == 0xC0) {
			throw new MalformedPacketException("compressed name in a session request");
		}
		EncodedName.Read calling = EncodedName.read(trailer, called.next(), trailer.length);
		if (calling.next() != trailer.length) {
			throw new MalformedPacketException("session request has " + (trailer.length - calling.next()) + " bytes after the names");
		}
		return new SessionRequest(called.name(), calling.name());
	}
}
