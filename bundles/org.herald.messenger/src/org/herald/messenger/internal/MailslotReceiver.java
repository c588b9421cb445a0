/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.internal;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;

import org.herald.api.BindInterface;
import org.herald.api.Identity;
import org.herald.api.MessageSink;
import org.herald.messenger.HeldNames;

import org.herald.netbios.datagram.DatagramService;
import org.herald.netbios.datagram.MailslotDatagram;
import org.herald.netbios.datagram.MailslotHandler;
import org.herald.netbios.datagram.Subscription;
import org.herald.smb.wire.MailslotWrite;

/**
 * Receives WinPopup / NET SEND mailslot datagrams on UDP 138 through the process's datagram
 * service: unicast on each configured interface address and broadcasts on its subnet broadcast
 * address, the writes to \MAILSLOT\MESSNGR only (reassembled when they came in fragments). The
 * unicast port must be free of other processes (nmbd, another Herald): else {@link #start} fails.
 * Each datagram is handled on a virtual thread; at most {@link #MAX_IN_FLIGHT} at once, beyond that
 * the service's reader waits (the kernel buffers).
 */
public final class MailslotReceiver implements AutoCloseable {

	static final int MAX_IN_FLIGHT = 512;

	private final DatagramService datagrams;
	private final Identity identity;
	private final int port;
	private final MailslotMessageHandler handler;
	private final ReceiverCounters counters;
	private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
	private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
	private Subscription subscription;
	private volatile boolean closed;

	/** On the process's datagram service {@code datagrams}. */
	public MailslotReceiver(DatagramService datagrams, Identity identity, int port, HeldNames held, MessageSink sink, PeerCharsets charsets,
			ReceiverCounters counters, Clock clock) {
		this.datagrams = datagrams;
		this.identity = identity;
		this.port = port;
		this.counters = counters;
		this.handler = new MailslotMessageHandler(held, identity.workgroup(), new MessageAcceptance(sink, charsets, clock, counters), counters);
	}

	/** @throws java.net.BindException "cannot bind UDP a.b.c.d:138 (...; is nmbd or another Herald using it?)" */
	public void start() throws IOException {
		subscription = datagrams.subscribe(identity.interfaces(), port, List.of(MailslotWrite.MESSENGER_MAILSLOT), DatagramService.Mode.RECEIVE,
				new MailslotHandler() {
					@Override
					public void deliver(MailslotDatagram d) {
						handOn(d);
					}

					@Override
					public void skipped(Skip why, BindInterface via) {
						switch (why) {
						case MALFORMED -> counters.malformed.increment();
						case NOT_DATA, OTHER_MAILSLOT -> counters.ignoredDatagrams.increment();
						case FRAGMENT -> {
							// counted once the datagram is whole
						}
						}
					}
				});
	}

	private void handOn(MailslotDatagram d) {
		if (closed) {
			return;
		}
		try {
			inFlight.acquire();
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return;
		}
		try {
			workers.execute(() -> {
				try {
					handler.handle(d.datagram(), d.from());
				} finally {
					inFlight.release();
				}
			});
		} catch (RejectedExecutionException e) {
			inFlight.release(); // closing
		}
	}

	@Override
	public void close() {
		closed = true;
		if (subscription != null) {
			subscription.close();
		}
		workers.shutdown();
		try {
			workers.awaitTermination(2, java.util.concurrent.TimeUnit.SECONDS); // datagrams being stored
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
