/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.internal;

import java.io.IOException;
import java.time.Clock;
import java.util.function.Supplier;

import org.herald.api.Identity;
import org.herald.api.MessageSink;
import org.herald.api.SessionLimits;
import org.herald.messenger.HeldNames;
import org.herald.messenger.MessengerPorts;
import org.herald.messenger.ReceiverStats;
import org.herald.netbios.datagram.DatagramService;

/** Both receivers (session and mailslot) with shared counters, started and closed together. */
public final class MessengerReceivers implements AutoCloseable {

	private final ReceiverCounters counters = new ReceiverCounters();
	private final SessionReceiver session;
	private final MailslotReceiver mailslot;

	/**
	 * The mailslot receiver on {@code datagrams}, the process's datagram service (shared with the
	 * browser); the session receiver bounded by {@code limits}.
	 */
	public MessengerReceivers(DatagramService datagrams, Identity identity, MessengerPorts ports, HeldNames held, MessageSink sink,
			PeerCharsets charsets, Supplier<SessionLimits> limits) {
		Clock clock = Clock.systemUTC();
		boolean sessions = ports.session() != 0 || ports.direct() != 0;
		this.session = sessions ? new SessionReceiver(identity, ports, held, sink, charsets, counters, limits, clock) : null;
		this.mailslot = ports.datagram() != 0
				? new MailslotReceiver(datagrams, identity, ports.datagram(), held, sink, charsets, counters, clock)
				: null;
	}

	/** The default held names: only this host's own NAME&lt;03&gt;. */
	public static HeldNames ownMessengerName(Identity identity) {
		return name -> name.equals(identity.messengerName());
	}

	public void start() throws IOException {
		try {
			if (session != null) {
				session.start();
			}
			if (mailslot != null) {
				mailslot.start();
			}
		} catch (IOException e) {
			close();
			throw e;
		}
	}

	public ReceiverStats stats() {
		return counters.snapshot();
	}

	@Override
	public void close() {
		if (session != null) {
			session.close();
		}
		if (mailslot != null) {
			mailslot.close();
		}
	}
}
