/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.netbios.datagram;

import java.net.Inet4Address;

import org.herald.api.BindInterface;
import org.herald.netbios.wire.Datagram;

/**
 * A whole datagram written to a mailslot, as the datagram service delivers it.
 *
 * @param datagram  the NBDS packet (reassembled if it came in fragments): header, names, and the
 *                  SMB bytes as its {@link Datagram#userData() user data}
 * @param mailslot  the mailslot name as the sender wrote it, e.g. {@code \MAILSLOT\BROWSE}
 * @param from      the UDP source address (the NBDS header's SOURCE_IP may differ when relayed)
 * @param fromPort  the UDP source port
 * @param via       the subscribed interface it arrived on
 * @param arrival   which socket received it
 * @param reassembled whether it came in fragments and was put together
 */
public record MailslotDatagram(Datagram datagram, String mailslot, Inet4Address from, int fromPort, BindInterface via, Arrival arrival,
		boolean reassembled) {

	/** The socket a datagram came in on. */
	public enum Arrival {
		/** The interface address on the datagram port: sent to this host. */
		UNICAST,
		/** The subnet broadcast address on the datagram port. */
		BROADCAST,
		/** The subscription's own ephemeral port: an answer to something it sent from there. */
		OWN_PORT
	}
}
