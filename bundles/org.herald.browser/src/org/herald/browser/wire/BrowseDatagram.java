/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.browser.wire;

import java.net.Inet4Address;
import java.util.Optional;

import org.herald.api.NetbiosName;

import org.herald.netbios.wire.Datagram;
import org.herald.netbios.wire.DatagramPacket;
import org.herald.netbios.wire.EncodedName;
import org.herald.netbios.wire.MalformedPacketException;
import org.herald.smb.wire.MailslotWrite;

/**
 * A browser frame as it travels: a mailslot write (MS-MAIL 2.2.1) to {@code \MAILSLOT\BROWSE}
 * (or {@code \MAILSLOT\LANMAN}) in a NetBIOS datagram (RFC 1002 4.4.2) from a computer name to a
 * group or unique name.
 *
 * @param sourceAddress the NBDS header's SOURCE_IP (the real sender, even when relayed)
 * @param source        the sending computer's name
 * @param destination   the name it was sent to, e.g. {@code WORKGROUP<1D>}
 * @param mailslot      the mailslot it was written to
 */
public record BrowseDatagram(Inet4Address sourceAddress, NetbiosName source, NetbiosName destination, String mailslot,
		BrowserFrame frame) {

	public static final String BROWSE_MAILSLOT = "\\MAILSLOT\\BROWSE";
	public static final String LANMAN_MAILSLOT = "\\MAILSLOT\\LANMAN";
	/** The NetBIOS datagram service port. */
	public static final int DATAGRAM_PORT = 138;
	/** MS-MAIL: priority of browser writes is 0; class 2 (unreliable and broadcast). */
	private static final int PRIORITY = 0;

	/**
	 * Reads a datagram's user data as a browser mailslot write; empty if it is a mailslot write to
	 * another mailslot (such as the Messenger's), or not a whole datagram.
	 *
	 * @throws MalformedPacketException if it claims to be a browser frame but does not parse
	 */
	public static Optional<BrowseDatagram> of(Datagram d) throws MalformedPacketException {
		if (!d.isWhole()) {
			return Optional.empty();
		}
		MailslotWrite w = MailslotWrite.parse(d.userData());
		if (!w.mailslot().equalsIgnoreCase(BROWSE_MAILSLOT) && !w.mailslot().equalsIgnoreCase(LANMAN_MAILSLOT)) {
			return Optional.empty();
		}
		return Optional.of(new BrowseDatagram(d.sourceAddress(), d.source().name(), d.destination().name(), w.mailslot(),
				BrowserFrame.parse(w.data())));
	}

	/** Parses a whole UDP payload received on port 138; empty for datagrams that are not browser frames. */
	public static Optional<BrowseDatagram> parse(byte[] packet, int length) throws MalformedPacketException {
		DatagramPacket p = DatagramPacket.parse(packet, 0, length);
		return p instanceof Datagram d ? of(d) : Optional.empty();
	}

	/**
	 * The datagram bytes: DIRECT_GROUP (0x11) for a group destination, else DIRECT_UNIQUE (0x10),
	 * flags of a whole datagram from a B node, source port {@value #DATAGRAM_PORT}.
	 */
	public byte[] encode(int datagramId, boolean groupDestination) {
		MailslotWrite write = new MailslotWrite(mailslot, PRIORITY, MailslotWrite.CLASS_UNRELIABLE, frame.encode());
		int type = groupDestination ? DatagramPacket.DIRECT_GROUP : DatagramPacket.DIRECT_UNIQUE;
		return Datagram.whole(type, datagramId & 0xFFFF, sourceAddress, DATAGRAM_PORT, new EncodedName(source),
				new EncodedName(destination), write.encode()).encode();
	}
}
