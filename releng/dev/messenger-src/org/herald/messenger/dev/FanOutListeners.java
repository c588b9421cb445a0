/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.dev;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.herald.api.BindInterface;
import org.herald.api.Identity;
import org.herald.api.MessageSink;
import org.herald.messenger.MessengerPorts;
import org.herald.messenger.internal.ReceiverCounters;
import org.herald.messenger.internal.SessionReceiver;
import org.herald.messenger.wire.MessageCharset;

/**
 * Many Herald session receivers in one process, for the fan-out benchmark: {@code FanOutListeners N}
 * listens on TCP 139 and 445 of 127.1.0.1, 127.1.0.2, ... (N addresses of 127.0.0.0/8, inside a
 * private namespace), taking any called name. Prints "ready", then on each line read from standard
 * input prints how many messages all of them stored.
 */
public final class FanOutListeners {

	private FanOutListeners() {
	}

	public static void main(String[] a) throws Exception {
		int n = Integer.parseInt(a[0]);
		AtomicLong stored = new AtomicLong();
		MessageSink sink = m -> {
			stored.incrementAndGet();
			return Optional.empty();
		};
		List<SessionReceiver> receivers = new ArrayList<>();
		for (String ip : addresses(n)) {
			Identity id = new Identity("FAN", "WG", List.of(BindInterface.parse(ip + "/8")), Optional.empty());
			SessionReceiver r = new SessionReceiver(id, MessengerPorts.STANDARD, name -> true, sink, MessageCharset.defaultOem(),
					new ReceiverCounters(), Duration.ofSeconds(30), Clock.systemUTC());
			r.start();
			receivers.add(r);
		}
		System.out.println("ready " + receivers.size());
		System.out.flush();
		BufferedReader in = new BufferedReader(new InputStreamReader(System.in));
		while (in.readLine() != null) {
			System.out.println("stored " + stored.get());
			System.out.flush();
		}
		receivers.forEach(SessionReceiver::close);
	}

	/**
	 * 127.1.0.1 onwards, skipping host bytes 0 and 255 (seen: with an IPv4-only JVM, in a namespace
	 * without IPv6, binding 127.1.0.255 failed with "Cannot assign requested address").
	 */
	public static List<String> addresses(int n) {
		List<String> list = new ArrayList<>(n);
		for (int i = 0; list.size() < n; i++) {
			list.add("127.1." + (i / 254) + "." + (i % 254 + 1));
		}
		return list;
	}
}
