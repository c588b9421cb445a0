/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.netbios.wire;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * A NetBIOS datagram service packet (RFC 1002 section 4.4, UDP 138). Every packet starts with the
 * same 10 bytes: type, flags, datagram id, source IP, source port. {@link #parse} returns the kind.
 */
public sealed interface DatagramPacket permits Datagram, DatagramError, DatagramPacket.Other {

	/** RFC 1002 4.4.1 message types. */
	int DIRECT_UNIQUE = 0x10;
	int DIRECT_GROUP = 0x11;
	int BROADCAST = 0x12;
	int ERROR = 0x13;
	int QUERY_REQUEST = 0x14;
	int POSITIVE_QUERY_RESPONSE = 0x15;
	int NEGATIVE_QUERY_RESPONSE = 0x16;

	/** RFC 1002 4.4.1 flags: M (more fragments follow) and F (first fragment); SNT in bits 2-3. */
	int FLAG_MORE = 0x01;
	int FLAG_FIRST = 0x02;
	int NODE_TYPE_B = 0x00;
	int NODE_TYPE_P = 0x04;
	int NODE_TYPE_M = 0x08;
	int NODE_TYPE_NBDD = 0x0C;

	/** Length of the header common to all datagram packets. */
	int COMMON_HEADER_LENGTH = 10;

	int type();

	int flags();

	int id();

	Inet4Address sourceAddress();

	int sourcePort();

	/** A query datagram (0x14-0x16), which the Messenger has no use for; kept undecoded. */
	record Other(int type, int flags, int id, Inet4Address sourceAddress, int sourcePort) implements DatagramPacket {
	}

	/** Reads {@code length} bytes of {@code packet} from {@code offset}. */
	static DatagramPacket parse(byte[] packet, int offset, int length) throws MalformedPacketException {
		if (length < COMMON_HEADER_LENGTH || offset < 0 || offset + length > packet.length) {
			throw new MalformedPacketException("datagram shorter than its 10-byte header");
		}
		int type = packet[offset] & 0xFF;
		int flags = packet[offset + 1] & 0xFF;
		if ((flags & 0xF0) != 0) {
			throw new MalformedPacketException("reserved datagram flag bits set: 0x" + Integer.toHexString(flags));
		}
		int id = u16(packet, offset + 2);
		Inet4Address ip = address(packet, offset + 4);
		int port = u16(packet, offset + 8);
		return switch (type) {
		case DIRECT_UNIQUE, DIRECT_GROUP, BROADCAST -> Datagram.parseRest(type, flags, id, ip, port, packet, offset, length);
		case ERROR -> {
			if (length != COMMON_HEADER_LENGTH + 1) {
				throw new MalformedPacketException("error datagram must be 11 bytes, not " + length);
			}
			yield new DatagramError(flags, id, ip, port, packet[offset + 10] & 0xFF);
		}
		case QUERY_REQUEST, POSITIVE_QUERY_RESPONSE, NEGATIVE_QUERY_RESPONSE -> new Other(type, flags, id, ip, port);
		default -> throw new MalformedPacketException("unknown datagram type 0x" + Integer.toHexString(type));
		};
	}

	static int u16(byte[] b, int offset) {
		return (b[offset] & 0xFF) << 8 | (b[offset + 1] & 0xFF);
	}

	static Inet4Address address(byte[] b, int offset) {
		try {
			return (Inet4Address) InetAddress.getByAddress(new byte[] { b[offset], b[offset + 1], b[offset + 2], b[offset + 3] });
		} catch (UnknownHostException e) {
			throw new IllegalStateException(e); // 4 bytes always make an address
		}
	}

	/** Writes the 10-byte common header into {@code out} at 0. */
	static void writeCommonHeader(byte[] out, int type, int flags, int id, Inet4Address source, int sourcePort) {
		out[0] = (byte) type;
		out[1] = (byte) flags;
		out[2] = (byte) (id >>> 8);
		out[3] = (byte) id;
		System.arraycopy(source.getAddress(), 0, out, 4, 4);
		out[8] = (byte) (sourcePort >>> 8);
		out[9] = (byte) sourcePort;
	}
}
