/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.inbox.internal;

import static org.herald.inbox.internal.Messages.LOOPBACK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import org.herald.inbox.InboxChange;
import org.herald.inbox.InboxQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One inbox, two real processes (this JVM and a child JVM), as the workbench and {@code herald listen}
 * share one workspace. H2's auto-server connects them over 127.0.0.1 only.
 */
class SharedInboxTest {

	@TempDir
	Path workspace;

	@Test
	void whileTheOtherProcessWritesThisOneReadsAndHearsOfIt() throws Exception {
		try (H2Inbox inbox = new H2Inbox(workspace, LOOPBACK, Duration.ofMillis(50));
				InboxChildProcess child = new InboxChildProcess(workspace)) {
			BlockingQueue<InboxChange> changes = new LinkedBlockingQueue<>();
			inbox.addListener(changes::add);
			String answer = child.ask("accept 5 alpha");
			assertTrue(answer.startsWith("accepted [1, 2, 3, 4, 5]"), answer);
			assertEquals(new InboxChange(InboxChange.Kind.EXTERNAL, List.of()), H2InboxTest.next(changes));
			Messages.await("the child's 5 messages", () -> inbox.count(InboxQuery.all().withWords("alpha")) == 5);
			assertEquals("CHILD", inbox.get(3).orElseThrow().message().senderName());

			inbox.accept(Messages.msg("PARENT", "from the first process"));
			Messages.await("the child to count 6", () -> child.ask("count").equals("count 6"));
			assertEquals(0, child.quit());
		}
	}

	@Test
	void theWritingProcessHostsAndAfterItIsKilledItsCommittedMessagesRemain() throws Exception {
		try (InboxChildProcess child = new InboxChildProcess(workspace)) {
			// the child opened first: it serves the database; this process is its client
			assertEquals("accepted [1, 2, 3]", child.ask("accept 3 beta"));
			Properties lock = new Properties();
			try (var in = Files.newInputStream(workspace.resolve(".herald/inbox.lock.db"))) {
				lock.load(in);
			}
			assertTrue(lock.getProperty("server", "").matches("(localhost|127\\.0\\.0\\.1):\\d+"), lock.toString());
			try (H2Inbox inbox = new H2Inbox(workspace, LOOPBACK, Duration.ofMillis(50))) {
				Messages.await("the child's 3 messages", () -> inbox.count(InboxQuery.all().withWords("beta")) == 3);
				assertEquals("accepted [4, 5]", child.ask("accept 2 gamma"));
				// acknowledged once in the child's journal; this process sees them once the child moved them in
				Messages.await("5 messages", () -> inbox.count(InboxQuery.all()) == 5);

				child.kill(); // SIGKILL: nothing is closed or flushed by the child
				// this process reconnects and takes the database over
				assertEquals(5, inbox.count(InboxQuery.all()));
				assertEquals(List.of(5L, 4L), H2InboxTest.ids(inbox.page(InboxQuery.all().withWords("gamma"))));
				assertTrue(inbox.accept(Messages.msg("PARENT", "still writable")).stored().isPresent());
				assertEquals(6, inbox.count(InboxQuery.all()));
			}
		}
	}

	/**
	 * A process that acknowledged messages (journaled, forced to disk) and died before moving them into
	 * the database: the next inbox to open replays its journal, and one already open picks it up while it
	 * runs. Either way no acknowledged message is missing, and the ids stay unique.
	 */
	@Test
	void messagesAcknowledgedButNotYetInTheDatabaseWhenTheProcessDiedAreReplayed() throws Exception {
		try (InboxChildProcess child = new InboxChildProcess(workspace)) {
			assertEquals("accepted [1, 2]", child.ask("accept 2 early"));
			assertEquals("held", child.ask("hold"));
			assertEquals("accepted [3, 4, 5]", child.ask("accept 3 delta"));
			child.kill();
		}
		try (H2Inbox inbox = new H2Inbox(workspace, LOOPBACK, Duration.ofMillis(50))) {
			assertEquals(5, inbox.count(InboxQuery.all()), "replayed when the inbox opened");
			assertEquals(List.of(5L, 4L, 3L), H2InboxTest.ids(inbox.page(InboxQuery.all().withWords("delta"))));
			assertEquals(5, inbox.counters().stored());
			try (var files = Files.list(workspace.resolve(".herald/journal"))) {
				assertEquals(0, files.count(), "the dead process's journal is gone (this inbox has taken no message yet)");
			}

			try (InboxChildProcess second = new InboxChildProcess(workspace)) {
				assertEquals("held", second.ask("hold"));
				String answer = second.ask("accept 2 epsilon");
				assertTrue(answer.matches("accepted \\[\\d+, \\d+\\]"), answer);
				second.kill();
			}
			// this inbox is open all along: it finds the dead process's journal while it runs
			Messages.await("7 messages", () -> inbox.count(InboxQuery.all()) == 7);
			assertEquals(2, inbox.count(InboxQuery.all().withWords("epsilon")));
			long own = inbox.accept(Messages.msg("PARENT", "after both")).stored().orElseThrow().id();
			assertTrue(own > 5, "a new id, above the replayed ones: " + own);
			assertEquals(8, inbox.count(InboxQuery.all()));
		}
	}
}
