/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.outbox.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.herald.api.MessagePath;
import org.herald.messenger.Delivery;
import org.herald.messenger.Delivery.FailureReason;
import org.herald.messenger.PathChoice;
import org.herald.messenger.Sender;
import org.herald.outbox.OutboxEntry;
import org.herald.outbox.OutboxEntry.State;
import org.herald.outbox.RetryPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outbox's store on disk: entries survive a restart (a new queue on the same workspace reads
 * them back as they were), a torn last line is dropped without losing the others, cancel is kept,
 * and bad input is refused with a clear error. No sending happens here.
 */
class OutboxJournalTest {

	@TempDir
	Path workspace;

	private static final Sender NEVER = message -> {
		throw new AssertionError("nothing is sent in this test");
	};

	private static Delivery refused(String target) {
		return Delivery.failed(target, Optional.of(org.herald.api.BindInterface.parseIpv4(target)), Optional.of(MessagePath.SESSION),
				FailureReason.REFUSED, "nothing listens on 445 or 139");
	}

	@Test
	void entriesSurviveARestartAsTheyWere() throws Exception {
		MovableClock clock = new MovableClock(Instant.parse("2026-12-06T08:00:00Z"));
		WorkspaceQueue before = new WorkspaceQueue(workspace, RetryPolicy.DEFAULT, clock, id -> NEVER);
		OutboxEntry a = before.add(OutboxDeliveryTest.identity("OBXA", "127.0.0.187"), "ADMIN", "198.51.100.7",
				"line one\nline two\twith a tab and a \\ backslash", PathChoice.AUTO, refused("198.51.100.7"));
		OutboxEntry b = before.add(OutboxDeliveryTest.identity("OBXA", "127.0.0.187"), "OBXA", "BOB<03>", "hello", PathChoice.SESSION,
				refused("198.51.100.8"));
		before.cancel(b.id());

		WorkspaceQueue after = new WorkspaceQueue(workspace, RetryPolicy.DEFAULT, clock, id -> NEVER);
		List<OutboxEntry> all = after.list();
		assertEquals(2, all.size());
		assertEquals(a, all.get(0));
		assertEquals(State.CANCELLED, all.get(1).state());
		assertEquals("BOB<03>", all.get(1).target());
		assertEquals(3, after.add(OutboxDeliveryTest.identity("OBXA", "127.0.0.187"), "OBXA", "198.51.100.9", "x", PathChoice.AUTO,
				refused("198.51.100.9")).id(), "numbers go on after a restart");
	}

	@Test
	void aTornLastLineIsDroppedAndTheRestStays() throws Exception {
		MovableClock clock = new MovableClock(Instant.parse("2026-12-06T08:00:00Z"));
		WorkspaceQueue q = new WorkspaceQueue(workspace, RetryPolicy.DEFAULT, clock, id -> NEVER);
		OutboxEntry a = q.add(OutboxDeliveryTest.identity("OBXA", "127.0.0.187"), "OBXA", "198.51.100.7", "kept", PathChoice.AUTO,
				refused("198.51.100.7"));
		Path journal = workspace.resolve("outbox/outbox.journal");
		Files.writeString(journal, "1\t2\tRETRYING\t1\trefused\t17", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

		WorkspaceQueue after = new WorkspaceQueue(workspace, RetryPolicy.DEFAULT, clock, id -> NEVER);
		assertEquals(List.of(a), after.list());
		OutboxEntry b = after.add(OutboxDeliveryTest.identity("OBXA", "127.0.0.187"), "OBXA", "198.51.100.8", "next", PathChoice.AUTO,
				refused("198.51.100.8"));
		assertEquals(2, b.id());
		assertEquals(List.of(a, b), new WorkspaceQueue(workspace, RetryPolicy.DEFAULT, clock, id -> NEVER).list());
	}

	@Test
	void manyChangesAreCompactedWithoutLosingAny() throws Exception {
		MovableClock clock = new MovableClock(Instant.parse("2026-12-06T08:00:00Z"));
		WorkspaceQueue q = new WorkspaceQueue(workspace, RetryPolicy.DEFAULT, clock, id -> NEVER);
		for (int i = 1; i <= 200; i++) {
			OutboxEntry e = q.add(OutboxDeliveryTest.identity("OBXA", "127.0.0.187"), "OBXA", "198.51.100." + (i % 250 + 1), "m" + i,
					PathChoice.AUTO, refused("198.51.100.1"));
			if (i % 2 == 0) {
				q.cancel(e.id());
			}
		}
		long lines = Files.readAllLines(workspace.resolve("outbox/outbox.journal")).size();
		assertTrue(lines < 300 + 64 + 1, "the journal was rewritten: " + lines + " lines");
		List<OutboxEntry> all = new WorkspaceQueue(workspace, RetryPolicy.DEFAULT, clock, id -> NEVER).list();
		assertEquals(200, all.size());
		assertEquals(100, all.stream().filter(e -> e.state() == State.CANCELLED).count());
		assertEquals("m199", all.get(198).text());
	}

	@Test
	void badInputIsRefusedClearly() throws Exception {
		MovableClock clock = new MovableClock(Instant.parse("2026-12-06T08:00:00Z"));
		WorkspaceQueue q = new WorkspaceQueue(workspace, RetryPolicy.DEFAULT, clock, id -> NEVER);
		assertThrows(IllegalArgumentException.class, () -> q.add(OutboxDeliveryTest.identity("OBXA", "127.0.0.187"), "OBXA", "NAMEFARTOOLONGFORNETBIOS",
				"x", PathChoice.AUTO, refused("198.51.100.1")));
		IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> q.cancel(7));
		assertEquals("no outbox entry 7", none.getMessage());
		assertEquals(Duration.ofSeconds(30), RetryPolicy.duration("30s"));
		assertEquals(Duration.ofHours(2), RetryPolicy.duration("2h"));
		assertEquals(Duration.ofMinutes(90), RetryPolicy.duration("PT90M"));
		assertThrows(IllegalArgumentException.class, () -> RetryPolicy.duration("soon"));
		assertThrows(IllegalArgumentException.class, () -> OutboxService.policy(k -> k.equals("herald.outbox.expiry") ? "-1h" : null));
	}

	@Test
	void theWaitDoublesUpToTheLongest() {
		RetryPolicy p = RetryPolicy.DEFAULT;
		assertEquals(Duration.ofSeconds(30), p.backoff(1));
		assertEquals(Duration.ofSeconds(60), p.backoff(2));
		assertEquals(Duration.ofMinutes(16), p.backoff(6));
		assertEquals(Duration.ofMinutes(30), p.backoff(7));
		assertEquals(Duration.ofMinutes(30), p.backoff(500));
		assertTrue(RetryPolicy.retryable(FailureReason.NAME_NOT_FOUND));
		assertTrue(RetryPolicy.retryable(FailureReason.TIMEOUT));
		assertTrue(!RetryPolicy.retryable(FailureReason.BLOCKED));
		assertTrue(!RetryPolicy.retryable(FailureReason.FLOOD_LIMIT));
	}
}
