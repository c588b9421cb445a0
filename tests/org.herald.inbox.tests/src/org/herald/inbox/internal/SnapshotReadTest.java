/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.inbox.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A word search reads the indexed and the not yet indexed messages in two statements; the indexer may
 * mark messages indexed in between (another connection, maybe another process). In one snapshot the
 * second statement still sees what the first saw, so no message falls between the two. The real
 * inbox database in a temporary workspace; no network (the auto-server binds 127.0.0.1).
 */
class SnapshotReadTest {

	@TempDir
	Path workspace;

	@Test
	void bothStatementsOfASnapshotReadSeeTheSameDatabase() throws Exception {
		try (InboxDatabase db = new InboxDatabase(workspace)) {
			Connection reader = db.borrow();
			Connection indexer = db.open();
			try {
				try (var s = indexer.createStatement()) {
					s.execute("CREATE TABLE FLIP(ID INT PRIMARY KEY, INDEXED BOOLEAN)");
					s.execute("INSERT INTO FLIP VALUES (1, FALSE), (2, FALSE), (3, FALSE)");
				}
				long seen = MessageQuery.inSnapshot(reader, () -> {
					long indexed = count(reader, "INDEXED");
					try (var s = indexer.createStatement()) {
						s.execute("UPDATE FLIP SET INDEXED = TRUE"); // the indexer commits between the two reads
					}
					return indexed + count(reader, "NOT INDEXED");
				});
				assertEquals(3, seen, "every row counted once, in one part or the other");
				assertTrue(reader.getAutoCommit(), "the connection goes back to auto-commit");
				assertEquals(Connection.TRANSACTION_READ_COMMITTED, reader.getTransactionIsolation());
				assertEquals(3, count(reader, "INDEXED"), "after the snapshot the reader sees the indexer's commit");
			} finally {
				indexer.close();
				db.release(reader);
			}
		}
	}

	private static long count(Connection c, String condition) throws SQLException {
		try (var s = c.createStatement(); var r = s.executeQuery("SELECT COUNT(*) FROM FLIP WHERE " + condition)) {
			r.next();
			return r.getLong(1);
		}
	}
}
