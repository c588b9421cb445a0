/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.inbox.internal;

import static org.herald.inbox.internal.Messages.LOOPBACK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.herald.inbox.InboxQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Migrations from an empty database and from older schema versions. */
class SchemaTest {

	@TempDir
	Path workspace;

	@Test
	void anEmptyDatabaseGetsEveryStepInOrder() throws Exception {
		try (InboxDatabase db = new InboxDatabase(workspace); Connection c = db.open()) {
			assertEquals(0, tableCount(c, "SCHEMA_VERSION"));
			assertEquals(Schema.CURRENT, Schema.migrate(c, lock(), Schema.MIGRATIONS));
			assertEquals(List.of(1, 2, 3, 4, 5), versions(c));
			assertEquals(Schema.CURRENT, Schema.migrate(c, lock(), Schema.MIGRATIONS), "a second run changes nothing");
			assertEquals(List.of(1, 2, 3, 4, 5), versions(c));
		}
	}

	@Test
	void aVersionOneInboxIsUpgradedWithItsMessagesIndexedAndCounted() throws Exception {
		try (InboxDatabase db = new InboxDatabase(workspace); Connection c = db.open()) {
			assertEquals(1, Schema.migrate(c, lock(), Schema.MIGRATIONS.subList(0, 1)));
			try (Statement s = c.createStatement()) {
				// a row as version 1 wrote it
				s.executeUpdate("INSERT INTO message (sender_name, sender_key, sender_address, recipient_name, wire_path, received, body) "
						+ "VALUES ('Alice', 'ALICE', '127.0.0.7', 'HERALD', 'MAILSLOT', TIMESTAMP WITH TIME ZONE '2025-12-24 18:00:00+01', "
						+ "'Merry Christmas everyone')");
			}
			assertEquals(0, tableCount(c, "MESSAGE_WORD"));
		}
		try (H2Inbox inbox = new H2Inbox(workspace, LOOPBACK)) {
			var found = inbox.page(InboxQuery.all().withWords("christmas")).messages();
			assertEquals(1, found.size());
			assertEquals("Alice", found.get(0).message().senderName());
			assertEquals(java.time.Instant.parse("2025-12-24T17:00:00Z"), found.get(0).message().received());
			assertEquals(1, inbox.counters().stored(), "version 3 counts the messages already there as stored");
		}
		try (InboxDatabase db = new InboxDatabase(workspace); Connection c = db.open()) {
			assertEquals(List.of(1, 2, 3, 4, 5), versions(c));
		}
	}

	@Test
	void aVersionTwoInboxGetsOnlyTheLaterSteps() throws Exception {
		try (InboxDatabase db = new InboxDatabase(workspace); Connection c = db.open()) {
			assertEquals(2, Schema.migrate(c, lock(), Schema.MIGRATIONS.subList(0, 2)));
			assertEquals(0, tableCount(c, "INBOX_COUNTER"));
			assertEquals(Schema.CURRENT, Schema.migrate(c, lock(), Schema.MIGRATIONS));
			assertEquals(1, tableCount(c, "INBOX_COUNTER"));
		}
	}

	@Test
	void anInboxFromANewerHeraldIsRefused() throws Exception {
		try (InboxDatabase db = new InboxDatabase(workspace); Connection c = db.open()) {
			Schema.migrate(c, lock(), Schema.MIGRATIONS);
			try (Statement s = c.createStatement()) {
				s.executeUpdate("INSERT INTO schema_version (version, description) VALUES (99, 'from the future')");
			}
		}
		IOException e = assertThrows(IOException.class, () -> new H2Inbox(workspace, LOOPBACK));
		assertTrue(e.getMessage().contains("schema version 99"), e.getMessage());
	}

	@Test
	void aFailingStepLeavesTheEarlierVersionRecorded() throws Exception {
		List<Migration> broken = new ArrayList<>(Schema.MIGRATIONS.subList(0, 1));
		broken.add(new Migration(2, "broken", c -> {
			try (Statement s = c.createStatement()) {
				s.execute("INSERT INTO no_such_table VALUES (1)");
			}
		}));
		try (InboxDatabase db = new InboxDatabase(workspace); Connection c = db.open()) {
			assertThrows(java.sql.SQLException.class, () -> Schema.migrate(c, lock(), broken));
			assertEquals(List.of(1), versions(c));
		}
	}

	private Path lock() {
		return workspace.resolve(".herald/inbox.migrate.lock");
	}

	private static List<Integer> versions(Connection c) throws Exception {
		List<Integer> v = new ArrayList<>();
		try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT version FROM schema_version ORDER BY version")) {
			while (r.next()) {
				v.add(r.getInt(1));
			}
		}
		return v;
	}

	private static int tableCount(Connection c, String table) throws Exception {
		try (Statement s = c.createStatement();
				ResultSet r = s.executeQuery("SELECT COUNT(*) FROM information_schema.tables WHERE table_name = '" + table + "'")) {
			r.next();
			return r.getInt(1);
		}
	}
}
