/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.inbox.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;

import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compaction of the real inbox database while it is open, in a temporary workspace (no network: the
 * auto-server binds 127.0.0.1). Churn (many small commits that rewrite the same pages) leaves chunks
 * that are mostly garbage; the process that holds the file must bring the live share back up without
 * closing the database.
 */
class StoreCompactionTest {

	@TempDir
	Path workspace;

	@Test
	void theProcessHoldingTheFileCompactsItWhileOpen() throws Exception {
		try (InboxDatabase db = new InboxDatabase(workspace)) {
			StoreCompaction compaction = db.compaction().orElseThrow(() -> new AssertionError("this process holds the file"));
			Connection c = db.borrow();
			try {
				MVStore store = StoreCompaction.storeOf(c).orElseThrow();
				assertEquals(StoreCompaction.RETENTION_MILLIS, store.getRetentionTime());
				try (var s = c.createStatement()) {
					s.execute("CREATE TABLE CHURN(ID INT PRIMARY KEY, PAD VARCHAR(2000))");
					for (int i = 0; i < 2000; i++) {
						s.execute("INSERT INTO CHURN VALUES(" + i + ", REPEAT('x', 1000))");
					}
					// each statement commits alone (auto-commit), each commit writes a chunk of its own
					for (int round = 0; round < 3000; round++) {
						s.execute("UPDATE CHURN SET PAD = REPEAT('" + (char) ('a' + round % 26) + "', 1000) WHERE ID = " + (round * 7 % 2000));
					}
				}
				InboxDatabase.sync(c);
				int before = store.getFileStore().getChunksFillRate();
				assertTrue(before < StoreCompaction.LOW_FILL_RATE, "the churn left sparse chunks: " + before + "%");
				// The guarantee, without waiting on a clock: once the rewritten chunks are older than the
				// retention time, each compaction step frees them and rewrites more of the sparsest, while
				// messages go on arriving. A retention of 0 stands for "the retention time has passed";
				// the bound is a number of steps, never a duration.
				store.setRetentionTime(0);
				for (int round = 0; round < 40 && store.getFileStore().getChunksFillRate() < StoreCompaction.LOW_FILL_RATE; round++) {
					try (var s = c.createStatement()) {
						s.execute("UPDATE CHURN SET PAD = REPEAT('t', 1000) WHERE ID = " + (round % 2000));
					}
					compaction.compactIfSparse();
				}
				int after = store.getFileStore().getChunksFillRate();
				assertTrue(after >= StoreCompaction.LOW_FILL_RATE, "live share " + before + "% before, " + after + "% after");
				assertTrue(!store.isClosed(), "compacting never closes the database");
				try (var s = c.createStatement(); var r = s.executeQuery("SELECT COUNT(*), MIN(LENGTH(PAD)) FROM CHURN")) {
					r.next();
					assertEquals(2000, r.getInt(1));
					assertEquals(1000, r.getInt(2), "every row whole");
				}
			} finally {
				db.release(c);
			}
		}
	}
}
