/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.netbios.datagram.internal;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.Inet4Address;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

import org.herald.netbios.datagram.DatagramCounters;
import org.herald.netbios.datagram.FragmentReassembly;
import org.herald.netbios.datagram.MailslotDatagram;
import org.herald.netbios.datagram.MailslotHandler.Skip;
import org.herald.netbios.wire.Datagram;
import org.herald.netbios.wire.MailslotName;
import org.herald.netbios.wire.MalformedPacketException;

/**
 * What the datagram service's readers do with each datagram: parse it once (NBDS header,
 * reassembly, mailslot name) and hand it to the subscribers of its mailslot, counting what came,
 * what was delivered and what was dropped. Neither a malformed datagram nor a failing subscriber
 * stops a reader.
 */
final class DatagramDispatcher {

	private static final System.Logger LOG = System.getLogger(SharedDatagramService.class.getName());
	/** RFC 1002 4.4: a datagram is at most 576 bytes on the wire; accept more, up to a UDP payload. */
	static final int BUFFER = 65535;

	private final FragmentReassembly reassembly;
	private final LongAdder received = new LongAdder();
	private final LongAdder delivered = new LongAdder();
	private final LongAdder malformed = new LongAdder();
	private final LongAdder undelivered = new LongAdder();
	private final LongAdder fragments = new LongAdder();
	private final LongAdder handlerFailures = new LongAdder();

	DatagramDispatcher(FragmentReassembly reassembly) {
		this.reassembly = reassembly;
	}

	FragmentReassembly reassembly() {
		return reassembly;
	}

	DatagramCounters counters() {
		FragmentReassembly.Counts r = reassembly.counts();
		return new DatagramCounters(received.sum(), delivered.sum(), malformed.sum(), undelivered.sum(), fragments.sum(), r.completed(),
				r.expired(), r.evicted(), handlerFailures.sum());
	}

	/** The reader loop of {@code e}: until its socket closes; an idle tick expires incomplete fragment sets. */
	void read(Endpoint e) {
		byte[] buffer = new byte[BUFFER];
		DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
		while (!e.socket.isClosed()) {
			try {
				packet.setLength(buffer.length);
				e.socket.receive(packet);
			} catch (SocketTimeoutException t) {
				reassembly.expire(System.nanoTime());
				continue;
			} catch (IOException x) {
				if (e.socket.isClosed()) {
					return;
				}
				continue;
			}
			try {
				dispatch(e, Arrays.copyOf(buffer, packet.getLength()), (Inet4Address) packet.getAddress(), packet.getPort());
			} catch (RuntimeException x) {
				LOG.log(System.Logger.Level.WARNING, "datagram from " + packet.getSocketAddress() + " could not be dispatched", x);
			}
		}
	}

	private void dispatch(Endpoint e, byte[] bytes, Inet4Address from, int fromPort) {
		received.increment();
		List<Endpoint.Attachment> to = e.attachments;
		Datagram d;
		boolean pieced = false;
		String mailslot;
		try {
			if (!(org.herald.netbios.wire.DatagramPacket.parse(bytes, 0, bytes.length) instanceof Datagram datagram)) {
				undelivered.increment();
				skip(to, Skip.NOT_DATA);
				return;
			}
			d = datagram;
			if (!d.isWhole()) {
				fragments.increment();
				Optional<Datagram> whole = reassembly.offer(e, d, System.nanoTime());
				if (whole.isEmpty()) {
					skip(to, Skip.FRAGMENT);
					return;
				}
				d = whole.get();
				pieced = true;
			}
			mailslot = MailslotName.read(d.userData());
		} catch (MalformedPacketException x) {
			malformed.increment();
			skip(to, Skip.MALFORMED);
			return;
		}
		String key = mailslot.toUpperCase(Locale.ROOT);
		boolean any = false;
		for (Endpoint.Attachment a : to) {
			if (a.sub.closed) {
				continue;
			}
			try {
				if (a.sub.mailslots.contains(key)) {
					any = true;
					a.sub.handler.deliver(new MailslotDatagram(d, mailslot, from, fromPort, a.via, e.kind, pieced));
				} else {
					a.sub.handler.skipped(Skip.OTHER_MAILSLOT, a.via);
				}
			} catch (RuntimeException x) {
				handlerFailures.increment();
				LOG.log(System.Logger.Level.WARNING, "a handler of " + mailslot + " failed", x);
			}
		}
		(any ? delivered : undelivered).increment();
	}

	private void skip(List<Endpoint.Attachment> to, Skip why) {
		for (Endpoint.Attachment a : to) {
			if (a.sub.closed) {
				continue;
			}
			try {
				a.sub.handler.skipped(why, a.via);
			} catch (RuntimeException x) {
				handlerFailures.increment();
				LOG.log(System.Logger.Level.WARNING, "a datagram handler failed", x);
			}
		}
	}
}
