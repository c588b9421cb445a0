/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.outbox.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import org.herald.api.Acceptance;
import org.herald.api.BindInterface;
import org.herald.api.Identity;
import org.herald.api.MessageSink;
import org.herald.api.ReceivedMessage;
import org.herald.api.StoredMessage;
import org.herald.messenger.Delivery;
import org.herald.messenger.Messenger;
import org.herald.messenger.OutgoingMessage;
import org.herald.messenger.PathChoice;
import org.herald.messenger.Presence;
import org.herald.messenger.Recipient;
import org.herald.outbox.OutboxEntry;
import org.herald.outbox.OutboxEntry.State;
import org.herald.outbox.RetryPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

/**
 * The outbox against real sockets on loopback, through the product's Messenger service (standard
 * ports, on addresses 127.0.0.181-186 of its own): a message to an address where nothing listens
 * is queued; once a real Herald receiver listens there, the next due retry delivers it, and it is
 * delivered only when the receiver's sink stored it. Retries are driven by the injected clock.
 */
class OutboxDeliveryTest {

	@TempDir
	Path workspace;

	private static Messenger messenger() {
		BundleContext context = FrameworkUtil.getBundle(OutboxDeliveryTest.class).getBundleContext();
		return context.getService(context.getServiceReference(Messenger.class));
	}

	static Identity identity(String name, String ip) {
		return new Identity(name, "OBXWG", List.of(BindInterface.parse(ip + "/8")), Optional.empty());
	}

	/** A receiver's storage: keeps what it is given, and says stored only after that. */
	static final class StoringSink implements MessageSink {
		final List<ReceivedMessage> stored = new CopyOnWriteArrayList<>();
		private final AtomicLong ids = new AtomicLong();

		@Override
		public Acceptance accept(ReceivedMessage message) {
			stored.add(message);
			return Acceptance.stored(new StoredMessage(ids.incrementAndGet(), message, false));
		}
	}

	@Test
	void anOfflineHostIsQueuedAndGetsTheMessageOnTheRetryAfterItCameUp() throws Exception {
		Messenger messenger = messenger();
		MovableClock clock = new MovableClock(Instant.parse("2026-12-06T08:00:00Z"));
		WorkspaceQueue queue = new WorkspaceQueue(workspace, RetryPolicy.DEFAULT, clock, messenger::sender);
		Identity me = identity("OBXSEND", "127.0.0.181");
		OutgoingMessage m = new OutgoingMessage("OBXSEND", List.of(Recipient.parse("127.0.0.182")), "back up at ten", PathChoice.SESSION);

		List<Delivery> first = messenger.sender(me).send(m);
		assertEquals(1, first.size());
		assertTrue(first.get(0).failed(), first.get(0).line());
		assertTrue(RetryPolicy.retryable(first.get(0)), first.get(0).line());
		OutboxEntry e = queue.add(me, "OBXSEND", "127.0.0.182", "back up at ten", PathChoice.SESSION, first.get(0));
		assertEquals(State.RETRYING, e.state());
		assertEquals(1, e.attempts());
		assertEquals(clock.instant().plusSeconds(30), e.nextAttempt());
		assertEquals(clock.instant().plus(Duration.ofHours(24)), e.expires());

		clock.advance(Duration.ofSeconds(29));
		assertEquals(List.of(), queue.retryDueNow(), "not due before its first wait is over");

		StoringSink sink = new StoringSink();
		try (Presence receiver = messenger.join(identity("OBXRECV", "127.0.0.182"), sink, null)) {
			assertEquals(List.of(), sink.stored);
			clock.advance(Duration.ofSeconds(1));
			List<OutboxEntry> tried = queue.retryDueNow();
			assertEquals(1, tried.size());
			assertEquals(State.DELIVERED, tried.get(0).state(), tried.get(0).toString());
			assertEquals(2, tried.get(0).attempts());
			assertEquals(1, sink.stored.size());
			assertEquals("back up at ten", sink.stored.get(0).text());
			assertEquals("OBXSEND", sink.stored.get(0).senderName());
		}
		assertEquals(State.DELIVERED, queue.get(e.id()).orElseThrow().state());
		clock.advance(Duration.ofHours(1));
		assertEquals(List.of(), queue.retryDueNow(), "a delivered entry is not sent again");
		assertThrows(IllegalArgumentException.class, () -> queue.retry(List.of(e.id())));
	}

	@Test
	void failedRetriesBackOffDoublingAndTheEntryExpiresAtItsDeadline() throws Exception {
		Messenger messenger = messenger();
		MovableClock clock = new MovableClock(Instant.parse("2026-12-06T08:00:00Z"));
		RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofMinutes(5));
		WorkspaceQueue queue = new WorkspaceQueue(workspace, policy, clock, messenger::sender);
		Identity me = identity("OBXSEND", "127.0.0.183");
		OutgoingMessage m = new OutgoingMessage("OBXSEND", List.of(Recipient.parse("127.0.0.184")), "anyone?", PathChoice.SESSION);
		Delivery first = messenger.sender(me).send(m).get(0);
		OutboxEntry e = queue.add(me, "OBXSEND", "127.0.0.184", "anyone?", PathChoice.SESSION, first);
		Instant start = clock.instant();

		List<Duration> waits = List.of(Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(120));
		Instant at = start;
		for (int i = 0; i < waits.size(); i++) {
			at = at.plus(waits.get(i));
			clock.advance(Duration.between(clock.instant(), at));
			List<OutboxEntry> tried = queue.retryDueNow();
			assertEquals(1, tried.size(), "attempt " + (i + 2));
			OutboxEntry t = tried.get(0);
			assertEquals(State.RETRYING, t.state());
			assertEquals(i + 2, t.attempts());
			assertTrue(t.lastError().startsWith("refused"), t.lastError());
		}
		// attempt 4 at 210 s; its wait of 120 s (the longest) would end at 330 s > 300 s: cut to the expiry
		OutboxEntry last = queue.get(e.id()).orElseThrow();
		assertEquals(start.plus(Duration.ofMinutes(5)), last.nextAttempt());
		clock.advance(Duration.between(clock.instant(), last.nextAttempt()));
		List<OutboxEntry> expired = queue.retryDueNow();
		assertEquals(1, expired.size());
		assertEquals(State.EXPIRED, expired.get(0).state());
		assertEquals(4, expired.get(0).attempts(), "expiry is no attempt");
		assertThrows(IllegalArgumentException.class, () -> queue.retry(List.of(e.id())));
	}

	@Test
	void aRefusalByTheRecipientsSpamDefenceIsFinal() throws Exception {
		Messenger messenger = messenger();
		MovableClock clock = new MovableClock(Instant.parse("2026-12-06T08:00:00Z"));
		WorkspaceQueue queue = new WorkspaceQueue(workspace, RetryPolicy.DEFAULT, clock, messenger::sender);
		Identity me = identity("OBXSEND", "127.0.0.185");
		OutgoingMessage m = new OutgoingMessage("OBXSEND", List.of(Recipient.parse("127.0.0.186")), "buy now", PathChoice.SESSION);
		Delivery first = messenger.sender(me).send(m).get(0);
		OutboxEntry e = queue.add(me, "OBXSEND", "127.0.0.186", "buy now", PathChoice.SESSION, first);
		MessageSink blocking = message -> Acceptance.refused(Acceptance.Refusal.BLOCKED);
		try (Presence receiver = messenger.join(identity("OBXBLOCK", "127.0.0.186"), blocking, null)) {
			List<OutboxEntry> tried = queue.retry(List.of(e.id()));
			assertEquals(1, tried.size());
			assertEquals(State.FAILED, tried.get(0).state(), tried.get(0).toString());
			assertTrue(tried.get(0).lastError().startsWith("blocked"), tried.get(0).lastError());
		}
		clock.advance(Duration.ofHours(1));
		assertEquals(List.of(), queue.retryDueNow());
	}
}
