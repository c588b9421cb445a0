/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.outbox.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.herald.api.Identity;
import org.herald.api.cli.CommandContext;
import org.herald.api.cli.UsageException;
import org.herald.messenger.Delivery;
import org.herald.messenger.Messenger;
import org.herald.messenger.OutgoingMessage;
import org.herald.messenger.PathChoice;
import org.herald.messenger.Recipient;
import org.herald.outbox.RetryPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

/** {@code herald outbox list|retry|cancel} on a real outbox, and what send --queue is handed (OutboxFallback). */
class OutboxCommandTest {

	@TempDir
	Path workspace;

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private CommandContext context(Identity identity) {
		PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
		return new CommandContext() {
			@Override
			public Identity identity() {
				return identity;
			}

			@Override
			public Path workspace() {
				return workspace;
			}

			@Override
			public PrintStream out() {
				return o;
			}

			@Override
			public PrintStream err() {
				return o;
			}

			@Override
			public InputStream in() {
				return new ByteArrayInputStream(new byte[0]);
			}

			@Override
			public boolean stopRequested() {
				return false;
			}
		};
	}

	private String take() {
		String s = out.toString(StandardCharsets.UTF_8);
		out.reset();
		return s;
	}

	@Test
	void listRetryAndCancelWhatSendQueued() throws Exception {
		BundleContext bc = FrameworkUtil.getBundle(OutboxCommandTest.class).getBundleContext();
		Messenger messenger = bc.getService(bc.getServiceReference(Messenger.class));
		MovableClock clock = new MovableClock(Instant.parse("2026-12-06T08:00:00Z"));
		OutboxService outbox = new OutboxService(messenger, RetryPolicy.DEFAULT, clock);
		OutboxFallback fallback = new OutboxFallback(outbox);
		Identity me = OutboxDeliveryTest.identity("OBXCLI", "127.0.0.189");
		OutgoingMessage m = new OutgoingMessage("OBXCLI", List.of(Recipient.parse("127.0.0.190"), Recipient.parse("127.0.0.191")), "hi",
				PathChoice.SESSION);
		List<Delivery> failed = messenger.sender(me).send(m);
		assertEquals(2, failed.size());
		for (Delivery d : failed) {
			String kept = fallback.keep(workspace, me, m, d).orElseThrow();
			assertTrue(kept.startsWith("queued for retry as #"), kept);
		}
		OutboxCommand cmd = new OutboxCommand(outbox);

		assertEquals(0, cmd.run(context(me), List.of("list")));
		String[] lines = take().split("\n");
		assertEquals(2, lines.length);
		assertTrue(lines[0].startsWith("#1 retrying 1 "), lines[0]);
		assertTrue(lines[0].contains(" 127.0.0.190 OBXCLI (refused"), lines[0]);

		assertEquals(0, cmd.run(context(me), List.of("cancel", "#2")));
		assertTrue(take().startsWith("#2 cancelled 1 - "));
		UsageException again = assertThrows(UsageException.class, () -> cmd.run(context(me), List.of("cancel", "2")));
		assertEquals("outbox cancel: outbox entry 2 is cancelled, no longer pending", again.getMessage());

		assertEquals(1, cmd.run(context(me), List.of("retry", "--all")), "127.0.0.190 still does not answer");
		String retried = take();
		assertTrue(retried.startsWith("#1 retrying 2 "), retried);

		assertEquals(0, cmd.run(context(me), List.of("list", "--json")));
		String json = take();
		assertTrue(json.startsWith("[{\"id\":1,\"state\":\"retrying\",\"attempts\":2,"), json);
		assertTrue(json.contains("{\"id\":2,\"state\":\"cancelled\""), json);

		assertThrows(UsageException.class, () -> cmd.run(context(me), List.of("retry")));
		assertThrows(UsageException.class, () -> cmd.run(context(me), List.of("retry", "x")));
		assertThrows(UsageException.class, () -> cmd.run(context(me), List.of("purge")));
	}

	/** What herald send --at/--every keeps, as herald outbox list shows it: scheduled, urgent, the repeat; cancel stops a repeat. */
	@Test
	void listShowsScheduledUrgentAndRepeatingEntries() throws Exception {
		BundleContext bc = FrameworkUtil.getBundle(OutboxCommandTest.class).getBundleContext();
		Messenger messenger = bc.getService(bc.getServiceReference(Messenger.class));
		MovableClock clock = new MovableClock(Instant.parse("2026-12-06T08:00:00Z"));
		OutboxService outbox = new OutboxService(messenger, RetryPolicy.DEFAULT, clock);
		Identity me = OutboxDeliveryTest.identity("OBXCLI", "127.0.0.189");
		OutgoingMessage m = new OutgoingMessage("OBXCLI", List.of(Recipient.parse("127.0.0.190")), "backup", PathChoice.SESSION, true);
		List<String> kept = new OutboxFallback(outbox).schedule(workspace, me, m, Instant.parse("2026-12-06T09:00:30Z"),
				java.util.Optional.of(java.time.Duration.ofMinutes(90)));
		assertEquals(1, kept.size());
		assertTrue(kept.get(0).startsWith("127.0.0.190 scheduled as #1 for 2026-12-06 "), kept.get(0));
		assertTrue(kept.get(0).endsWith(":00:30 (every 1h30m)"), "seconds shown when given: " + kept.get(0));
		OutboxCommand cmd = new OutboxCommand(outbox);

		assertEquals(0, cmd.run(context(me), List.of("list")));
		String line = take().strip();
		assertTrue(line.startsWith("#1 scheduled 0 "), line);
		assertTrue(line.endsWith(" 127.0.0.190 OBXCLI urgent every 1h30m"), line);
		assertEquals(0, cmd.run(context(me), List.of("list", "--json")));
		String json = take();
		assertTrue(json.contains("\"state\":\"scheduled\""), json);
		assertTrue(json.contains("\"urgent\":true,\"at\":\"2026-12-06T09:00:30Z\",\"every\":\"1h30m\""), json);

		assertEquals(0, cmd.run(context(me), List.of("cancel", "1")));
		assertTrue(take().startsWith("#1 cancelled 0 - "));
		clock.advance(java.time.Duration.ofHours(3));
		assertEquals(List.of(), outbox.queue(workspace).retryDueNow(), "a cancelled repeat is not sent again");
	}
}
