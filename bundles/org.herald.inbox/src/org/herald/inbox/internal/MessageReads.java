/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.inbox.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.herald.api.StoredMessage;

/** The inbox's reads of messages by id (pages and counts are {@link MessageQuery}'s), on a connection of the store's. */
final class MessageReads {

	/** Rows are fetched in chunks of this many ids. */
	private static final int ID_CHUNK = 500;

	private MessageReads() {
	}

	static Optional<StoredMessage> byId(Connection c, long id) throws SQLException {
		try (PreparedStatement p = c.prepareStatement("SELECT " + MessageTable.COLUMNS + " FROM message m WHERE m.id = ?")) {
			p.setLong(1, id);
			try (ResultSet r = p.executeQuery()) {
				return r.next() ? Optional.of(MessageTable.read(r)) : Optional.empty();
			}
		}
	}

	/** The messages of {@code ids} that exist, in the order of {@code ids}. */
	static List<StoredMessage> byIds(Connection c, long[] ids) throws SQLException {
		Map<Long, StoredMessage> found = new HashMap<>(ids.length * 2);
		for (int from = 0; from < ids.length; from += ID_CHUNK) {
			int n = Math.min(ID_CHUNK, ids.length - from);
			String sql = "SELECT " + MessageTable.COLUMNS + " FROM message m WHERE m.id IN (?" + ", ?".repeat(n - 1) + ")";
			try (PreparedStatement p = c.prepareStatement(sql)) {
				for (int i = 0; i < n; i++) {
					p.setLong(i + 1, ids[from + i]);
				}
				try (ResultSet r = p.executeQuery()) {
					while (r.next()) {
						StoredMessage m = MessageTable.read(r);
						found.put(m.id(), m);
					}
				}
			}
		}
		List<StoredMessage> ordered = new ArrayList<>(found.size());
		for (long id : ids) {
			StoredMessage m = found.get(id);
			if (m != null) {
				ordered.add(m);
			}
		}
		return ordered;
	}

	/** How many messages the word index has not reached yet. */
	static long unindexed(Connection c) throws SQLException {
		try (var s = c.createStatement(); var r = s.executeQuery("SELECT COUNT(*) FROM message WHERE words_indexed = FALSE")) {
			r.next();
			return r.getLong(1);
		}
	}
}
