/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.inbox.internal;

import static org.herald.inbox.internal.Messages.LOOPBACK;
import static org.herald.inbox.internal.Messages.T0;
import static org.herald.inbox.internal.Messages.msg;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.herald.inbox.InboxQuery;
import org.herald.inbox.SpamSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code herald inbox compact} on the real database: what it keeps, and when it refuses. */
class InboxCompactTest {

	@TempDir
	Path workspace;

	@Test
	void compactionRewritesTheFileToItsLiveDataAndKeepsEveryMessage() throws Exception {
		List<Long> gone = new ArrayList<>();
		try (H2Inbox inbox = new H2Inbox(workspace, LOOPBACK)) {
			inbox.updateSettings(new SpamSettings(0, Duration.ofSeconds(10), false, true));
			for (int i = 0; i < 1500; i++) {
				long id = inbox.accept(msg("ALICE", "127.0.0.7", "message " + i + (i % 10 == 0 ? " payroll kept" : " churn"), T0.plusSeconds(i)))
						.stored().orElseThrow().id();
				if (i % 10 != 0) {
					gone.add(id);
				}
			}
			assertEquals(1350, inbox.delete(gone));
		}
		Path file = workspace.resolve(".herald/inbox.mv.db");
		long before = Files.size(file);
		InboxDatabase.Compacted done = InboxDatabase.compact(workspace);
		assertEquals(before, done.bytesBefore());
		assertEquals(Files.size(file), done.bytesAfter());
		assertTrue(done.bytesAfter() < before / 2, before + " bytes before, " + done.bytesAfter() + " after");
		try (H2Inbox inbox = new H2Inbox(workspace, LOOPBACK)) {
			assertEquals(150, inbox.count(InboxQuery.all()));
			assertEquals(150, inbox.count(InboxQuery.all().withWords("payroll")));
			assertEquals(0, inbox.count(InboxQuery.all().withWords("churn")));
			assertEquals("message 1490 payroll kept", inbox.page(InboxQuery.all().withLimit(1)).messages().get(0).message().text());
		}
	}

	@Test
	void compactionRefusesWhileAnotherProcessHasTheInboxOpenAndThatProcessGoesOn() throws Exception {
		try (InboxChildProcess child = new InboxChildProcess(workspace)) {
			assertEquals("accepted [1, 2]", child.ask("accept 2 alpha"));
			IOException e = assertThrows(IOException.class, () -> InboxDatabase.compact(workspace));
			assertTrue(e.getMessage().startsWith("the inbox is open in another Herald process"), e.getMessage());
			assertEquals("accepted [3]", child.ask("accept 1 beta"));
			assertEquals("count 3", child.ask("count"));
			assertEquals(0, child.quit());
		}
	}

	@Test
	void compactionRefusesWhileThisProcessHasTheInboxOpen() throws Exception {
		try (H2Inbox inbox = new H2Inbox(workspace, LOOPBACK)) {
			inbox.accept(msg("ALICE", "still here"));
			IOException e = assertThrows(IOException.class, () -> InboxDatabase.compact(workspace));
			assertTrue(e.getMessage().startsWith("the inbox is open in another Herald process"), e.getMessage());
			assertEquals(1, inbox.count(InboxQuery.all()));
		}
	}

	@Test
	void thereIsNothingToCompactWithoutAnInbox() {
		IOException e = assertThrows(IOException.class, () -> InboxDatabase.compact(workspace));
		assertTrue(e.getMessage().startsWith("there is no inbox in "), e.getMessage());
	}
}
