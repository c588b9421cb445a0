/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.netbios.datagram;

import org.herald.api.BindInterface;

/**
 * Receives a subscription's datagrams. Called on the socket's reader thread, one datagram at a
 * time per socket: be quick or hand the work on. An exception is logged and counted; it does not
 * stop the reader or reach other subscribers.
 */
@FunctionalInterface
public interface MailslotHandler {

	/** Why a datagram that arrived on one of the subscription's sockets is not delivered to it. */
	enum Skip {
		/** Not an NBDS packet, or an SMB that is no transaction: counted as malformed. */
		MALFORMED,
		/** A query or error datagram (no user data). */
		NOT_DATA,
		/** One fragment of a datagram whose other fragments have not all arrived yet. */
		FRAGMENT,
		/** Written to a mailslot this subscription did not ask for. */
		OTHER_MAILSLOT
	}

	/** A datagram written to one of the subscription's mailslots. */
	void deliver(MailslotDatagram datagram);

	/** A datagram on one of the subscription's sockets that it does not get, and why; for counters. */
	default void skipped(Skip why, BindInterface via) {
		// most subscribers do not count
	}
}
