/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.inbox.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Message ids for the {@link AcceptJournal}, which names a message's id before the message is in the
 * database: the process reserves a block of ids in table {@code id_block} (committed and forced to disk
 * before any of them is used) and hands them out in order. Ids stay unique across processes sharing the
 * inbox and across crashes; a crash leaves a gap, no id is used twice.
 */
final class IdBlocks {

	static final int BLOCK = 1024;

	private final boolean fsync;
	private long next;
	private long end;

	IdBlocks(boolean fsync) {
		this.fsync = fsync;
	}

	/** The next id; reserves a new block on {@code c} (a connection in auto-commit) when this one is used up. */
	long next(Connection c) throws SQLException {
		if (next == end) {
			reserve(c);
		}
		return next++;
	}

	private void reserve(Connection c) throws SQLException {
		long first = InboxDatabase.inTransaction(c, () -> {
			long from;
			try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT next_id FROM id_block FOR UPDATE")) {
				if (!r.next()) {
					throw new SQLException("the inbox has no id_block row");
				}
				from = r.getLong(1);
			}
			try (PreparedStatement p = c.prepareStatement("UPDATE id_block SET next_id = ?")) {
				p.setLong(1, from + BLOCK);
				p.executeUpdate();
			}
			return from;
		});
		if (fsync) {
			InboxDatabase.sync(c);
		}
		next = first;
		end = first + BLOCK;
	}

	/** After a replay: the next block starts above every id in the table. */
	static void catchUp(Connection c) throws SQLException {
		try (Statement s = c.createStatement()) {
			s.executeUpdate("UPDATE id_block SET next_id = (SELECT COALESCE(MAX(id), 0) + 1 FROM message) "
					+ "WHERE next_id <= (SELECT COALESCE(MAX(id), 0) FROM message)");
		}
	}
}
