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
			assertEquals(5, inbox.count(InboxQuery.all().withWords("alpha")));
			assertEquals("CHILD", inbox.get(3).orElseThrow().message().senderName());

			inbox.accept(Messages.msg("PARENT", "from the first process"));
			assertEquals("count 6", child.ask("count"));
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
				assertEquals(3, inbox.count(InboxQuery.all().withWords("beta")));
				assertEquals("accepted [4, 5]", child.ask("accept 2 gamma"));
				assertEquals(5, inbox.count(InboxQuery.all()));

				child.kill(); // SIGKILL: nothing is closed or flushed by the child
				// this process reconnects and takes the database over
				assertEquals(5, inbox.count(InboxQuery.all()));
				assertEquals(List.of(5L, 4L), H2InboxTest.ids(inbox.page(InboxQuery.all().withWords("gamma"))));
				assertTrue(inbox.accept(Messages.msg("PARENT", "still writable")).stored().isPresent());
				assertEquals(6, inbox.count(InboxQuery.all()));
			}
		}
	}
}
