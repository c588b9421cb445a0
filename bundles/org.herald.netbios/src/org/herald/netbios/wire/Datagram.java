/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.netbios.wire;

import java.io.ByteArrayOutputStream;
import java.net.Inet4Address;
import java.util.Arrays;

/**
 * A direct unique, direct group or broadcast datagram (RFC 1002 section 4.4.2): the common header,
 * DGM_LENGTH (the bytes of both names and the user data, as Samba and Windows count it), the
 * fragment's PACKET_OFFSET, the source and destination names and the user data.
 *
 * @param type        {@link DatagramPacket#DIRECT_UNIQUE}, {@link DatagramPacket#DIRECT_GROUP} or {@link DatagramPacket#BROADCAST}
 * @param flags       node type and fragment flags; a whole datagram has F set and M clear
 * @param id          the datagram id
 * @param packetOffset the offset of this fragment's data in the whole datagram (0 unless fragmented)
 */
public record Datagram(int type, int flags, int id, Inet4Address sourceAddress, int sourcePort, int packetOffset,
		EncodedName source, EncodedName destination, byte[] userData) implements DatagramPacket {

	/** Header bytes before the source name: common header, DGM_LENGTH, PACKET_OFFSET. */
	public static final int HEADER_LENGTH = 14;

	public Datagram {
		if (type != DIRECT_UNIQUE && type != DIRECT_GROUP && type != BROADCAST) {
			throw new IllegalArgumentException("not a data datagram type: 0x" + Integer.toHexString(type));
		}
		userData = userData.clone();
	}

	/** A whole (unfragmented) datagram sent by a B node: flags F set, M clear, offset 0. */
	public static Datagram whole(int type, int id, Inet4Address sourceAddress, int sourcePort, EncodedName source,
			EncodedName destination, byte[] userData) {
		return new Datagram(type, FLAG_FIRST | NODE_TYPE_B, id, sourceAddress, sourcePort, 0, source, destination, userData);
	}

	/** Whether this is a complete datagram, not one fragment of several (RFC 1002 4.4.1: F set, M clear). */
	public boolean isWhole() {
		return (flags & FLAG_FIRST) != 0 && (flags & FLAG_MORE) == 0 && packetOffset == 0;
	}

	@Override
	public byte[] userData() {
		return userData.clone();
	}

	public byte[] encode() {
		byte[] src = source.encode();
		byte[] dst = destination.encode();
		int dgmLength = src.length + dst.length + userData.length;
		if (dgmLength > 0xFFFF) {
			throw new IllegalArgumentException("datagram too long: " + dgmLength);
		}
		byte[] header = new byte[HEADER_LENGTH];
		DatagramPacket.writeCommonHeader(header, type, flags, id, sourceAddress, sourcePort);
		header[10] = (byte) (dgmLength >>> 8);
		header[11] = (byte) dgmLength;
		header[12] = (byte) (packetOffset >>> 8);
		header[13] = (byte) packetOffset;
		ByteArrayOutputStream out = new ByteArrayOutputStream(HEADER_LENGTH + dgmLength);
		out.writeBytes(header);
		out.writeBytes(src);
		out.writeBytes(dst);
		out.writeBytes(userData);
		return out.toByteArray();
	}

	static Datagram parseRest(int type, int flags, int id, Inet4Address ip, int port, byte[] packet, int offset, int length)
			throws MalformedPacketException {
		if (length < HEADER_LENGTH) {
			throw new MalformedPacketException("datagram shorter than its 14-byte header");
		}
		int dgmLength = DatagramPacket.u16(packet, offset + 10);
		int packetOffset = DatagramPacket.u16(packet, offset + 12);
		int end = offset + length;
		if (HEADER_LENGTH + dgmLength > length) {
			throw new MalformedPacketException("DGM_LENGTH " + dgmLength + " runs past the " + length + "-byte datagram");
		}
		int limit = offset + HEADER_LENGTH + dgmLength;
		// Names inside a datagram are relative to the datagram, so read them from a copy starting at 0.
		byte[] own = offset == 0 && end == packet.length ? packet : Arrays.copyOfRange(packet, offset, end);
		EncodedName.Read src = EncodedName.read(own, HEADER_LENGTH, limit - offset);
		EncodedName.Read dst = EncodedName.read(own, src.next(), limit - offset);
		byte[] data = Arrays.copyOfRange(own, dst.next(), limit - offset);
		return new Datagram(type, flags, id, ip, port, packetOffset, src.name(), dst.name(), data);
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof Datagram d && type == d.type && flags == d.flags && id == d.id && sourceAddress.equals(d.sourceAddress)
				&& sourcePort == d.sourcePort && packetOffset == d.packetOffset && source.equals(d.source)
				&& destination.equals(d.destination) && Arrays.equals(userData, d.userData);
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(userData) * 31 + destination.hashCode();
	}

	@Override
	public String toString() {
		return String.format("Datagram[type=0x%02X, id=%d, from %s:%d, %s -> %s, %d bytes]", type, id, sourceAddress.getHostAddress(),
				sourcePort, source.name(), destination.name(), userData.length);
	}
}
