/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.netbios.datagram;

import java.io.IOException;
import java.util.Collection;
import java.util.List;

import org.herald.api.BindInterface;

/**
 * The NetBIOS datagram service (RFC 1002 4.4, UDP 138) of this process: it owns the datagram
 * port's sockets on each configured interface address, the unicast socket on the address and the
 * shared (SO_REUSEADDR) socket on its subnet broadcast address, and hands each datagram to the
 * subscribers of the mailslot it is written to. Several consumers in one process (the Messenger's
 * \MAILSLOT\MESSNGR, the browser's \MAILSLOT\BROWSE and \MAILSLOT\LANMAN) thus share one port,
 * which only one of them could bind on its own. Sockets are bound when the first subscription
 * needs them and closed when the last one leaves. Fragmented datagrams are reassembled first.
 * <p>
 * A DS service (no configuration); {@code internal.SharedDatagramService} is the implementation, which
 * tests construct directly.
 */
@org.osgi.annotation.versioning.ProviderType
public interface DatagramService {

	/** The NetBIOS datagram service port. */
	int STANDARD_PORT = 138;

	/** How a subscription uses the datagram port. */
	enum Mode {
		/**
		 * Unicast and broadcast sockets on the port; if another process holds the unicast port,
		 * {@link #subscribe} fails with a {@link java.net.BindException} naming the address.
		 */
		RECEIVE,
		/**
		 * As {@link #RECEIVE}, but when another process holds the unicast port (nmbd, another
		 * Herald) the subscription hears only broadcasts there, and sends from an ephemeral port of
		 * its own, where it also hears the answers sent back to that port. It tries the port again
		 * from time to time, and takes it once the other process has let it go.
		 */
		RECEIVE_IF_FREE,
		/** No socket on the port: only an ephemeral port of its own per interface, to send from and hear answers on. */
		SEND_ONLY,
		/**
		 * Never binds the port: sends from the unicast socket there when another subscription of
		 * this process holds it (Windows sends its datagrams from 138), else from an ephemeral port of
		 * its own. A starting receiver never finds the port taken by a mere sender.
		 */
		SEND_SHARED
	}

	/**
	 * Subscribes {@code handler} to the datagrams written to {@code mailslots} (compared without
	 * regard to case, e.g. {@code \MAILSLOT\MESSNGR}) that arrive on {@code port} of
	 * {@code interfaces}. Port 0 (tests) binds ephemeral ports that no other subscription shares.
	 * Only a sending subscription ({@link Mode#SEND_ONLY}, {@link Mode#SEND_SHARED}) may name no mailslot.
	 *
	 * @throws java.net.BindException with the message "cannot bind UDP a.b.c.d:port (...; is nmbd or
	 *                                another Herald using it?)" if a socket the mode needs is held
	 *                                by another process
	 * @throws IOException            if a socket cannot be opened for another reason
	 */
	Subscription subscribe(Collection<BindInterface> interfaces, int port, Collection<String> mailslots, Mode mode, MailslotHandler handler)
			throws IOException;

	/** The service's counters since it started. */
	DatagramCounters counters();

	/** The addresses and ports this service holds sockets on now, e.g. {@code 127.0.0.2:138 unicast}; for diagnostics. */
	List<String> sockets();
}
