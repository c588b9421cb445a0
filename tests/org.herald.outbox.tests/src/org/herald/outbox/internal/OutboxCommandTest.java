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
}
