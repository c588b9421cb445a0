/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.netbios.datagram;

import java.io.IOException;
import java.net.Inet4Address;
import java.util.List;

import org.herald.api.BindInterface;

/** One consumer's hold on the datagram service: its interfaces and mailslots, and a way to send. */
@org.osgi.annotation.versioning.ProviderType
public interface Subscription extends AutoCloseable {

	List<BindInterface> interfaces();

	/** The datagram port subscribed to. */
	int port();

	/** Whether this subscription hears unicast datagrams to {@code via}'s address on the port (else only broadcasts, or nothing). */
	boolean hearsUnicast(BindInterface via);

	/**
	 * The local port {@link #send} sends from on {@code via}: the datagram port when this
	 * subscription shares the unicast socket there, else its own ephemeral port.
	 */
	int sendingPort(BindInterface via);

	/**
	 * Sends a whole NBDS packet to {@code to} (a host or the subnet broadcast address) on the
	 * datagram port, from {@code via}'s unicast socket when the subscription shares it (as Windows
	 * expects of browser replies), else from its own ephemeral socket on {@code via}.
	 */
	void send(BindInterface via, byte[] datagram, Inet4Address to) throws IOException;

	/** Leaves: the handler is called no more; sockets no other subscription needs are closed. */
	@Override
	void close();
}
