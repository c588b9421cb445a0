/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.herald.api.Identity;
import org.herald.api.cli.UsageException;
import org.herald.messenger.Delivery;
import org.herald.messenger.DeliveryFallback;
import org.herald.messenger.OutgoingMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code herald send --at/--every} with wrong arguments: a usage error (exit 2) that says what is
 * accepted, before the text is read from standard input, a name is looked up or the outbox is
 * touched. No network: the resolver and the outbox refuse to be used.
 */
class ScheduledSendUsageTest {

	@TempDir
	Path workspace;

	/** An outbox that must not be reached: every argument here is wrong. */
	private static final DeliveryFallback UNTOUCHED = new DeliveryFallback() {
		@Override
		public Optional<String> keep(Path w, Identity i, OutgoingMessage m, Delivery d) {
			throw new AssertionError("nothing may be queued");
		}

		@Override
		public AutoCloseable retryWhileRunning(Path w) {
			throw new AssertionError("a send does not retry");
		}

		@Override
		public List<String> schedule(Path w, Identity i, OutgoingMessage m, java.time.Instant at, Optional<java.time.Duration> every) {
			throw new AssertionError("nothing may be scheduled");
		}
	};

	private String refused(DeliveryFallback fallback, String... args) throws Exception {
		TestContext c = new TestContext(Loopback.identity("SENDER", "127.0.0.153"), "text from stdin", workspace);
		SendCommand cmd = new SendCommand(n -> {
			throw new AssertionError("no name may be looked up: " + n);
		}, Loopback.DATAGRAMS);
		cmd.fallback = fallback;
		UsageException e = assertThrows(UsageException.class, () -> cmd.run(c, List.of(args)));
		assertEquals("text from stdin".length(), c.in().available(), "standard input was not read");
		return e.getMessage();
	}

	@Test
	void wrongTimesAndPeriodsAreUsageErrorsThatSayWhatIsAccepted() throws Exception {
		assertTrue(refused(UNTOUCHED, "--at", "soon", "BOB").startsWith("--at wants HH:MM[:SS] (today, or tomorrow once past) or a local date-time"));
		assertEquals("--at 2020-01-01T09:00 has passed", refused(UNTOUCHED, "--at", "2020-01-01T09:00", "BOB"));
		assertTrue(refused(UNTOUCHED, "--at", "25:00", "BOB").startsWith("--at wants"));
		assertEquals("--every wants a period such as 30m, 2h or 1d, not '30s'", refused(UNTOUCHED, "--every", "30s", "BOB"));
		assertEquals("--every 0m: at least 1m", refused(UNTOUCHED, "--every", "0m", "BOB"));
		assertEquals("--every wants a period such as 30m, 2h or 1d, not 'm'", refused(UNTOUCHED, "--at", "12:00", "--every", "m", "BOB"));
		assertEquals("--queue is for a send now; a scheduled send is kept in the outbox anyway",
				refused(UNTOUCHED, "--at", "12:00", "--queue", "BOB"));
		assertEquals("--at/--every: no outbox in this installation (bundle org.herald.outbox)", refused(null, "--at", "12:00", "BOB"));
	}

	/** A template's {date} and {time} in a scheduled send are those of its time; a repeat may not carry the first one's along. */
	@Test
	void aScheduledTemplateIsDatedByItsTimeAndARepeatRefusesAFixedDate() throws Exception {
		org.herald.messenger.MessageTemplates.in(workspace).put("backup", "Backup on {date} at {time} by {host}");
		org.herald.messenger.MessageTemplates.in(workspace).put("plain", "Stand-up in 5 minutes, {to}");
		assertEquals("--every: the template BACKUP uses {date}, {time}, which would be the first occurrence's every time;"
				+ " give --field or use a template without them", refused(UNTOUCHED, "--every", "1d", "--template", "backup", "BOB"));
		assertEquals("--every: the template BACKUP uses {time}, which would be the first occurrence's every time;"
				+ " give --field or use a template without them",
				refused(UNTOUCHED, "--every", "1d", "--template", "backup", "--field", "date=Monday", "BOB"));

		SendCommand cmd = new SendCommand(n -> List.of(), Loopback.DATAGRAMS);
		cmd.clock = java.time.Clock.fixed(java.time.Instant.parse("2026-12-07T08:00:00Z"), java.time.ZoneId.of("Europe/Berlin"));
		TestContext c = new TestContext(Loopback.identity("SENDER", "127.0.0.153"), "", workspace);
		org.herald.messenger.MessageTemplate backup = org.herald.messenger.MessageTemplates.in(workspace).get("backup");
		var at = new SendTimes.When(java.time.Instant.parse("2026-12-08T17:30:00Z"), Optional.empty());
		assertEquals("Backup on 2026-12-08 at 18:30 by SENDER", backup.fill(cmd.fields(backup, c, List.of(), at)), "the scheduled time, local");
		assertEquals("Backup on 2026-12-07 at 09:00 by SENDER", backup.fill(cmd.fields(backup, c, List.of())), "a send now: now");
		var daily = new SendTimes.When(at.at(), Optional.of(java.time.Duration.ofDays(1)));
		org.herald.messenger.MessageTemplate plain = org.herald.messenger.MessageTemplates.in(workspace).get("plain");
		assertEquals("SENDER", cmd.fields(plain, c, List.of(), daily).get("host"), "a template without {date} or {time} may repeat");
	}
}
