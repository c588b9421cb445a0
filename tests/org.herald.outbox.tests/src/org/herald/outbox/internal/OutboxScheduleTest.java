/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.outbox.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.herald.api.Identity;
import org.herald.messenger.Messenger;
import org.herald.messenger.PathChoice;
import org.herald.messenger.Presence;
import org.herald.outbox.OutboxEntry;
import org.herald.outbox.OutboxEntry.State;
import org.herald.outbox.RetryPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

/**
 * Scheduled and repeating sends in the outbox, against a real Herald receiver through the product's
 * Messenger service (standard ports, sender 127.0.0.157, receiver 127.0.0.158, loopback only); time
 * is the injected clock.
 */
class OutboxScheduleTest {

	@TempDir
	Path workspace;

	private static Messenger messenger() {
		BundleContext context = FrameworkUtil.getBundle(OutboxScheduleTest.class).getBundleContext();
		return context.getService(context.getServiceReference(Messenger.class));
	}

	@Test
	void aRepeatingUrgentSendIsSentAtItsTimeSurvivesARestartRepeatsAndStopsWhenCancelled() throws Exception {
		Messenger messenger = messenger();
		MovableClock clock = new MovableClock(Instant.parse("2026-12-06T08:00:00Z"));
		Identity me = OutboxDeliveryTest.identity("OBXSCHED", "127.0.0.157");
		WorkspaceQueue queue = new WorkspaceQueue(workspace, RetryPolicy.DEFAULT, clock, messenger::sender);
		OutboxEntry e = queue.schedule(me, "OBXSCHED", "127.0.0.158", "Backups start", PathChoice.SESSION, true,
				Instant.parse("2026-12-06T09:00:00Z"), Optional.of(Duration.ofHours(1)));
		assertEquals(State.SCHEDULED, e.state());
		assertEquals("scheduled", e.state().word());
		assertEquals(Instant.parse("2026-12-06T09:00:00Z"), e.nextAttempt());
		assertEquals(Instant.parse("2026-12-06T10:00:00Z"), e.expires(), "an occurrence is given up when the next is due");

		clock.advance(Duration.ofMinutes(59));
		assertEquals(List.of(), queue.retryDueNow(), "not before its time");

		WorkspaceQueue restarted = new WorkspaceQueue(workspace, RetryPolicy.DEFAULT, clock, messenger::sender);
		OutboxEntry read = restarted.get(e.id()).orElseThrow();
		assertEquals(e, read, "kept on disk as it was, urgent and schedule included");

		OutboxDeliveryTest.StoringSink sink = new OutboxDeliveryTest.StoringSink();
		try (Presence receiver = messenger.join(OutboxDeliveryTest.identity("OBXDUE", "127.0.0.158"), sink, null)) {
			clock.advance(Duration.ofMinutes(1));
			List<OutboxEntry> tried = restarted.retryDueNow();
			assertEquals(1, tried.size());
			OutboxEntry next = tried.get(0);
			assertEquals(1, sink.stored.size());
			assertEquals("URGENT: Backups start", sink.stored.get(0).text(), "plain receiver: the urgency as a prefix");
			assertEquals(State.SCHEDULED, next.state(), "delivered, and the next occurrence scheduled");
			assertEquals("last delivered", next.lastError());
			assertEquals(Instant.parse("2026-12-06T10:00:00Z"), next.nextAttempt());
			assertEquals(0, next.attempts());
		}

		// nobody listens at 10:00, 11:00, 12:00: the 10:00 occurrence expires at 11:00, the next one is after now
		clock.advance(Duration.ofHours(3).plusMinutes(30));
		List<OutboxEntry> late = restarted.retryDueNow();
		assertEquals(1, late.size());
		assertEquals(State.SCHEDULED, late.get(0).state());
		assertTrue(late.get(0).lastError().startsWith("last expired"), late.get(0).lastError());
		assertEquals(Instant.parse("2026-12-06T13:00:00Z"), late.get(0).nextAttempt());

		assertEquals(State.CANCELLED, restarted.cancel(e.id()).state());
		clock.advance(Duration.ofHours(2));
		assertEquals(List.of(), restarted.retryDueNow(), "a cancelled repeat stops");
		assertEquals(1, sink.stored.size());
	}

	/**
	 * {@code herald outbox cancel} in another process while herald listen is sending an occurrence: the
	 * occurrence still goes out (it was on its way), but the repeat stays cancelled and is not scheduled again.
	 */
	@Test
	void aRepeatCancelledWhileAnOccurrenceIsBeingSentStaysCancelled() throws Exception {
		Messenger messenger = messenger();
		MovableClock clock = new MovableClock(Instant.parse("2026-12-06T08:00:00Z"));
		Identity me = OutboxDeliveryTest.identity("OBXSCHED", "127.0.0.157");
		WorkspaceQueue other = new WorkspaceQueue(workspace, RetryPolicy.DEFAULT, clock, messenger::sender);
		long[] id = new long[1];
		WorkspaceQueue listen = new WorkspaceQueue(workspace, RetryPolicy.DEFAULT, clock, identity -> m -> {
			try {
				other.cancel(id[0]);
			} catch (java.io.IOException e) {
				throw new java.io.UncheckedIOException(e);
			}
			return messenger.sender(identity).send(m);
		});
		id[0] = listen.schedule(me, "OBXSCHED", "127.0.0.158", "Stand-up", PathChoice.SESSION, false, Instant.parse("2026-12-06T09:00:00Z"),
				Optional.of(Duration.ofHours(1))).id();
		OutboxDeliveryTest.StoringSink sink = new OutboxDeliveryTest.StoringSink();
		try (Presence receiver = messenger.join(OutboxDeliveryTest.identity("OBXDUE", "127.0.0.158"), sink, null)) {
			clock.advance(Duration.ofHours(1));
			List<OutboxEntry> tried = listen.retryDueNow();
			assertEquals(1, sink.stored.size(), "the occurrence under way was delivered");
			assertEquals(State.CANCELLED, tried.get(0).state());
		}
		assertEquals(State.CANCELLED, other.get(id[0]).orElseThrow().state(), "not scheduled again");
		clock.advance(Duration.ofHours(2));
		assertEquals(List.of(), listen.retryDueNow());
	}

	/** What {@code herald send --at} hands the outbox: one scheduled entry per recipient, a range as its addresses. */
	@Test
	void theFallbackSchedulesEachRecipient() throws Exception {
		MovableClock clock = new MovableClock(Instant.parse("2026-12-06T08:00:00Z"));
		OutboxService outbox = new OutboxService(messenger(), RetryPolicy.DEFAULT, clock);
		OutboxFallback fallback = new OutboxFallback(outbox);
		org.herald.messenger.OutgoingMessage m = new org.herald.messenger.OutgoingMessage("OBXSCHED",
				List.of(org.herald.messenger.Recipient.parse("BOB"), org.herald.messenger.Recipient.parse("127.0.0.158-159"),
						org.herald.messenger.Recipient.parse("/DOMAIN:LAB")),
				"Reboot", PathChoice.AUTO, false);
		List<String> lines = fallback.schedule(workspace, OutboxDeliveryTest.identity("OBXSCHED", "127.0.0.157"), m,
				Instant.parse("2026-12-06T18:00:00Z"), Optional.empty());
		assertEquals(4, lines.size(), lines.toString());
		assertTrue(lines.get(0).startsWith("BOB<03> scheduled as #1 for "), lines.get(0));
		assertTrue(lines.get(1).startsWith("127.0.0.158 scheduled as #2 for "), lines.get(1));
		assertTrue(lines.get(3).startsWith("/DOMAIN:LAB scheduled as #4 for "), lines.get(3));
		List<OutboxEntry> kept = outbox.queue(workspace).list();
		assertEquals(List.of("BOB<03>", "127.0.0.158", "127.0.0.159", "/DOMAIN:LAB"), kept.stream().map(OutboxEntry::target).toList());
		assertTrue(kept.stream().allMatch(x -> x.state() == State.SCHEDULED && x.nextAttempt().equals(Instant.parse("2026-12-06T18:00:00Z"))));
		IllegalArgumentException tooOften = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
				() -> fallback.schedule(workspace, OutboxDeliveryTest.identity("OBXSCHED", "127.0.0.157"), m, clock.instant(),
						Optional.of(Duration.ofSeconds(20))));
		assertTrue(tooOften.getMessage().startsWith("a repeat of less than 1 minute is not allowed"), tooOften.getMessage());
	}

	@Test
	void aJournalLineOfTheFirstFormatIsStillRead() throws Exception {
		Path journal = Files.createDirectories(workspace.resolve("outbox")).resolve("outbox.journal");
		Files.writeString(journal, "1\t1\tRETRYING\t1\ttimeout\t1765008000000\t1765008030000\t1765094400000\tOBXA\tOBXWG\t127.0.0.157/8\t\tOBXA\t"
				+ "198.51.100.7\tSESSION\tkept\\nfrom before\n");
		OutboxEntry old = new WorkspaceQueue(workspace, RetryPolicy.DEFAULT, new MovableClock(Instant.parse("2025-12-06T08:00:00Z")),
				messenger()::sender).get(1).orElseThrow();
		assertEquals("kept\nfrom before", old.text());
		assertEquals(State.RETRYING, old.state());
		assertEquals(false, old.urgent());
		assertEquals(Optional.empty(), old.schedule());
	}
}
