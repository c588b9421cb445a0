/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.herald.api.Acceptance;
import org.herald.api.MessageSink;
import org.herald.api.ReceivedMessage;
import org.herald.api.StoredMessage;

/** An in-memory sink for tests: keeps what it accepted; can be told to fail. */
final class RecordingSink implements MessageSink {

	private final List<ReceivedMessage> messages = new ArrayList<>();
	private volatile boolean failing;

	void failing(boolean f) {
		failing = f;
	}

	@Override
	public synchronized Acceptance accept(ReceivedMessage message) throws IOException {
		if (failing) {
			throw new IOException("disk full (test)");
		}
		messages.add(message);
		notifyAll();
		return Acceptance.stored(new StoredMessage(messages.size(), message, false));
	}

	synchronized List<ReceivedMessage> messages() {
		return List.copyOf(messages);
	}

	/** Waits until at least {@code n} messages arrived or the deadline passed; returns what is there. */
	synchronized List<ReceivedMessage> await(int n, Duration deadline) throws InterruptedException {
		long end = System.nanoTime() + deadline.toNanos();
		while (messages.size() < n) {
			long left = end - System.nanoTime();
			if (left <= 0) {
				break;
			}
			wait(Math.max(1, left / 1_000_000));
		}
		return List.copyOf(messages);
	}
}
