/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.netbios.datagram.internal;

import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.herald.api.BindInterface;
import org.herald.netbios.datagram.MailslotDatagram.Arrival;

/** A bound socket of the datagram service, its reader thread and the subscriptions it delivers to. */
final class Endpoint {
	final DatagramSocket socket;
	final Arrival kind;
	/** Its key among the shared sockets; null for a subscription's own. */
	final InetSocketAddress key;
	final List<Attachment> attachments = new CopyOnWriteArrayList<>();
	Thread reader;

	Endpoint(DatagramSocket socket, Arrival kind, InetSocketAddress key) {
		this.socket = socket;
		this.kind = kind;
		this.key = key;
	}

	/**
	 * Closes the socket and waits for its reader to leave: the JDK releases the port only then,
	 * so that whoever binds it next (another Herald, the next subscription) finds it free.
	 */
	void close() {
		socket.close();
		Thread r = reader;
		if (r != null && r != Thread.currentThread()) {
			try {
				r.join(2000);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
	}

	/** One subscription on one socket; identity matters (a subscription has one per socket). */
	static final class Attachment {
		final SharedDatagramService.Sub sub;
		final BindInterface via;

		Attachment(SharedDatagramService.Sub sub, BindInterface via) {
			this.sub = sub;
			this.via = via;
		}
	}
}
