/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.netbios.internal;

import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;

import org.herald.netbios.wire.NbnsPacket;

/**
 * Requests waiting for answers, by NAME_TRN_ID. A reader thread delivers each response to the queue
 * of the request with its transaction id; several ids may share one queue (a batch).
 */
final class Transactions {

	/** A response and the address it came from. */
	record Answer(NbnsPacket packet, Inet4Address source) {
	}

	private final TransactionIds ids = new TransactionIds();
	private final Map<Integer, BlockingQueue<Answer>> pending = new ConcurrentHashMap<>();

	/** A fresh transaction id whose answers go to {@code queue}. */
	int open(BlockingQueue<Answer> queue) {
		for (int attempt = 0; attempt < 0x10000; attempt++) {
			int id = ids.next();
			if (pending.putIfAbsent(id, queue) == null) {
				return id;
			}
		}
		throw new IllegalStateException("all 65536 transaction ids in use");
	}

	void close(int id) {
		pending.remove(id);
	}

	/** Hands a response to the request waiting for it; false if none waits (unsolicited, or late). */
	boolean deliver(NbnsPacket packet, InetSocketAddress from) {
		BlockingQueue<Answer> q = pending.get(packet.transactionId());
		if (q == null || !packet.response() || !(from.getAddress() instanceof Inet4Address source)) {
			return false;
		}
		q.add(new Answer(packet, source));
		return true;
	}
}
