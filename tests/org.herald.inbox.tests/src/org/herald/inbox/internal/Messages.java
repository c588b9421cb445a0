/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.inbox.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.herald.api.BindInterface;
import org.herald.api.Identity;
import org.herald.api.MessageFlag;
import org.herald.api.MessagePath;
import org.herald.api.ReceivedMessage;

/** Test messages and identities. */
final class Messages {

	/** 2026-01-05T09:00:00Z, a Monday morning. */
	static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

	/** Binds to 127.0.0.2/8: every loopback sender is local. */
	static final Identity LOOPBACK = new Identity("HERALD", "WORKGROUP", List.of(BindInterface.parse("127.0.0.2/8")), Optional.empty());

	/** Binds in TEST-NET-2; loopback senders are outsiders. */
	static final Identity TEST_NET = new Identity("HERALD", "WORKGROUP", List.of(BindInterface.parse("198.51.100.10/24")), Optional.empty());

	private Messages() {
	}

	static ReceivedMessage msg(String sender, String ip, String text, Instant at, MessageFlag... flags) {
		return new ReceivedMessage(sender, BindInterface.parseIpv4(ip), "HERALD", MessagePath.SESSION, at, text,
				flags.length == 0 ? Set.of() : Set.of(flags));
	}

	static ReceivedMessage msg(String sender, String text) {
		return msg(sender, "127.0.0.5", text, T0);
	}

	/**
	 * Waits (up to a minute, which only bounds a hang) until {@code condition} holds: another process or
	 * inbox instance sees an accepted message once its accepting inbox moved it from the journal into the
	 * database, milliseconds later.
	 */
	static void await(String what, java.util.concurrent.Callable<Boolean> condition) throws Exception {
		long deadline = System.nanoTime() + java.time.Duration.ofMinutes(1).toNanos();
		while (!condition.call()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("waited a minute for " + what);
			}
			Thread.sleep(10);
		}
	}
}
