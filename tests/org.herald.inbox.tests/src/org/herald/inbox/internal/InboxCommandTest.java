/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.inbox.internal;

import static org.herald.inbox.internal.Messages.T0;
import static org.herald.inbox.internal.Messages.TEST_NET;
import static org.herald.inbox.internal.Messages.msg;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;

import org.herald.api.Identity;
import org.herald.api.MessageFlag;
import org.herald.api.SessionLimits;
import org.herald.api.cli.CommandContext;
import org.herald.api.cli.UsageException;
import org.herald.inbox.Inbox;
import org.herald.inbox.SpamSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InboxCommandTest {

	@TempDir
	Path workspace;

	H2InboxService service = new H2InboxService();
	InboxCommand command = new InboxCommand(service, ZoneOffset.UTC);
	ByteArrayOutputStream out = new ByteArrayOutputStream();
	ByteArrayOutputStream err = new ByteArrayOutputStream();
	Inbox inbox;

	@BeforeEach
	void fill() throws Exception {
		inbox = service.open(workspace, TEST_NET);
		inbox.updateSettings(new SpamSettings(0, Duration.ofSeconds(10), false, true));
		inbox.accept(msg("ALICE", "198.51.100.7", "Server restarts at 18:00", T0));
		inbox.accept(msg("BOB", "198.51.100.8", "Lunch?\nAt noon", T0.plusSeconds(60), MessageFlag.URGENT));
		inbox.accept(msg("STRANGER", "127.0.0.9", "buy cheap server parts", T0.plusSeconds(120)));
	}

	@AfterEach
	void close() {
		service.close();
	}

	private String run(String... args) throws Exception {
		out.reset();
		int status = command.run(context(), List.of(args));
		assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
		return out.toString(StandardCharsets.UTF_8);
	}

	@Test
	void listShowsATableNewestFirstWithFlagsAndTheNextPage() throws Exception {
		assertEquals("""
				        ID  RECEIVED             FROM             ADDRESS          FLAGS  TEXT
				*        3  2026-01-05 09:02:00  STRANGER         127.0.0.9        Q      buy cheap server parts
				*        2  2026-01-05 09:01:00  BOB              198.51.100.8     U      Lunch? At noon
				more: --before 2
				""", run("list", "--limit", "2"));
		assertTrue(run("list", "--before", "2").contains("       1  2026-01-05 09:00:00  ALICE"));
		assertEquals("{\"messages\": [\n" + Exporter.json(inbox.get(1).orElseThrow()) + "\n], \"next\": null}\n",
				run("list", "--before", "2", "--json"));
	}

	@Test
	void showPrintsTheMessageAndMarksItRead() throws Exception {
		assertEquals("""
				Message 2  [urgent]
				From:     BOB (198.51.100.8)
				To:       HERALD
				Received: 2026-01-05 09:01:00 via session

				Lunch?
				At noon
				""", run("show", "2"));
		assertTrue(inbox.get(2).orElseThrow().read());
		assertTrue(run("list", "--unread").lines().noneMatch(l -> l.contains(" 2  2026")));
		assertEquals(1, command.run(context(), List.of("show", "99")));
		assertEquals("no message 99\n", err.toString(StandardCharsets.UTF_8));
	}

	@Test
	void searchCombinesWordsSenderAndTimes() throws Exception {
		String both = run("search", "server");
		assertTrue(both.contains("       3  ") && both.contains("       1  "), both);
		String alice = run("search", "server", "--from", "alice");
		assertTrue(alice.contains("       1  ") && !alice.contains("       3  "), alice);
		String later = run("search", "--since", "2026-01-05T09:00:30Z", "--until", "2026-01-05T09:01:30Z");
		assertTrue(later.contains("       2  ") && !later.contains("       1  "), later);
		assertEquals("no messages\n", run("search", "nothing"));
	}

	@Test
	void blockAllowTrustUnblockAndPolicyEditTheSharedPolicy() throws Exception {
		assertEquals("block name SPAMMER\n", run("block", "spammer"));
		assertEquals("SPAMMER is already on the block list\n", run("block", "SPAMMER"));
		assertEquals("allow address 198.51.100.9\n", run("allow", "198.51.100.9"));
		assertEquals("trust subnet 127.0.0.0/8\n", run("trust", "127.1.2.3/8"));
		assertEquals("removed 198.51.100.9 from the lists\n", run("unblock", "198.51.100.9"));
		assertEquals("""
				flood limit:    20 messages per 5 s per address
				blocked:        stored with the BLOCKED flag
				quarantine:     senders outside the local and trusted subnets
				sessions:       16 at once per address, 1024 in all; closed after 30 s idle or half-sent
				block:          SPAMMER
				allow:          -
				trust:          127.0.0.0/8
				counters:       2 stored, 1 quarantined, 0 blocked, 0 refused by the flood limit
				""", run("policy", "--flood", "20/5", "--store-blocked", "on"));
		assertTrue(inbox.accept(msg("SPAMMER", "198.51.100.9", "hi", T0)).stored().orElseThrow().flags().contains(MessageFlag.BLOCKED));
	}

	@Test
	void policySetsTheSessionLimitsAndKeepsTheOtherSettings() throws Exception {
		run("policy", "--flood", "20/5");
		String shown = run("policy", "--idle-timeout", "7", "--sessions-per-address", "3", "--sessions", "100");
		assertTrue(shown.contains("sessions:       3 at once per address, 100 in all; closed after 7 s idle or half-sent\n"), shown);
		assertTrue(shown.contains("flood limit:    20 messages per 5 s per address\n"), shown);
		assertEquals(new SessionLimits(Duration.ofSeconds(7), 3, 100), inbox.policy().settings().sessions());
		run("policy", "--flood", "off");
		assertEquals(3, inbox.policy().settings().sessions().perAddress(), "another setting's change keeps the limits");
		assertTrue(assertThrows(UsageException.class, () -> run("policy", "--sessions-per-address", "0")).getMessage()
				.startsWith("session limits must be 1 to 65536"));
		assertTrue(assertThrows(UsageException.class, () -> run("policy", "--idle-timeout", "0")).getMessage().startsWith("idle timeout must be"));
	}

	@Test
	void exportWritesAFileOrStandardOutput() throws Exception {
		Path file = workspace.resolve("out.json");
		assertEquals("exported 3 messages to " + file + "\n", run("export", "--format", "json", file.toString()));
		assertTrue(Files.readString(file).startsWith("[\n  {\"id\": 3,"));
		assertTrue(run("export").startsWith("id,received,sender_name"));
	}

	@Test
	void wrongArgumentsAreUsageErrorsThatSayWhatIsWrong() {
		assertEquals("unknown inbox command 'lst'", assertThrows(UsageException.class, () -> run("lst")).getMessage());
		assertEquals("--limit must be a number, not 'ten'", assertThrows(UsageException.class, () -> run("list", "--limit", "ten")).getMessage());
		assertEquals("unknown option '--colour'", assertThrows(UsageException.class, () -> run("list", "--colour")).getMessage());
		assertEquals("export format must be csv or json, not 'xml'",
				assertThrows(UsageException.class, () -> run("export", "--format", "xml")).getMessage());
		assertTrue(assertThrows(UsageException.class, () -> run("trust", "HOSTNAME")).getMessage().contains("not a name"));
		assertTrue(assertThrows(UsageException.class, () -> run("search", "--since", "yesterday")).getMessage().startsWith("not a time"));
		assertTrue(assertThrows(UsageException.class, () -> run("search", "a")).getMessage().contains("at least one word"));
		assertEquals("--json is for list, search and show", assertThrows(UsageException.class, () -> run("policy", "--json")).getMessage());
	}

	@Test
	void compactSaysWhatItDidOrWhyNot() throws Exception {
		java.io.IOException open = assertThrows(java.io.IOException.class, () -> command.run(context(), List.of("compact")));
		assertTrue(open.getMessage().startsWith("the inbox is open in another Herald process"), open.getMessage());
		service.close(); // the command's own process no longer holds it
		String said = run("compact");
		assertTrue(said.matches("compacted the inbox: [0-9,]+ (KB|MB) before, [0-9,]+ (KB|MB) after \\(\\d+\\.\\d s\\)\n"), said);
		assertThrows(UsageException.class, () -> command.run(context(), List.of("compact", "now")));
	}

	private CommandContext context() {
		PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
		PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
		return new CommandContext() {
			@Override
			public Identity identity() {
				return TEST_NET;
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
				return e;
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
}
