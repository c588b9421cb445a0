/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.dev;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

import org.herald.api.BindInterface;
import org.herald.api.Identity;
import org.herald.messenger.Delivery;
import org.herald.messenger.MessengerPorts;
import org.herald.messenger.OutgoingMessage;
import org.herald.messenger.PathChoice;
import org.herald.messenger.Recipient;
import org.herald.messenger.internal.MessengerSender;
import org.herald.messenger.wire.MessageCharset;

/**
 * Load generator for the receive benchmark: {@code ReceiveBench FROM_IP/PREFIX TARGET_IP COUNT
 * CONCURRENCY [S,D,G]} sends COUNT messages "bench N" to TARGET_IP, each in its own session (as
 * smbclient -M does), CONCURRENCY at once. Prints {@code delivered=N failed=N seconds=S rate=R}.
 */
public final class ReceiveBench {

	private ReceiveBench() {
	}

	public static void main(String[] a) throws Exception {
		BindInterface from = BindInterface.parse(a[0]);
		Recipient target = Recipient.parse(a[1]);
		int count = Integer.parseInt(a[2]);
		int concurrency = Integer.parseInt(a[3]);
		MessengerPorts ports = MessengerPorts.STANDARD;
		if (a.length > 4) {
			String[] p = a[4].split(",");
			ports = new MessengerPorts(Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2]));
		}
		Identity id = new Identity("BENCH", "WG", List.of(from), Optional.empty());
		MessengerSender sender = new MessengerSender(id, n -> List.of(), ports, MessageCharset.defaultOem(), Duration.ofSeconds(10),
				Duration.ofSeconds(30), 1);
		AtomicInteger delivered = new AtomicInteger();
		AtomicInteger failed = new AtomicInteger();
		Semaphore permits = new Semaphore(concurrency);
		long start = System.nanoTime();
		try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int i = 1; i <= count; i++) {
				String text = "bench " + i;
				permits.acquire();
				pool.execute(() -> {
					try {
						Delivery d = sender.send(new OutgoingMessage("bench", List.of(target), text, PathChoice.SESSION)).get(0);
						if (d.failed()) {
							if (failed.incrementAndGet() <= 3) {
								System.err.println(d.line());
							}
						} else {
							delivered.incrementAndGet();
						}
					} catch (InterruptedException e) {
						Thread.currentThread().interrupt();
					} finally {
						permits.release();
					}
				});
			}
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		System.out.printf("delivered=%d failed=%d seconds=%.2f rate=%.1f%n", delivered.get(), failed.get(), seconds, delivered.get() / seconds);
	}
}
