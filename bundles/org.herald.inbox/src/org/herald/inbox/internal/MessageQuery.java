/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.inbox.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.LongStream;

import org.herald.api.BindInterface;
import org.herald.api.StoredMessage;
import org.herald.inbox.InboxPage;
import org.herald.inbox.InboxQuery;

/**
 * Turns an {@link InboxQuery} into SQL. Pages are keyset pages: newest first, the next page starts below
 * the last id seen ({@code id < ?}), so a page costs the same at the millionth message as at the first.
 * Where an indexed column is compared for equality (word, sender, read state), the query is ordered by
 * that column and the id, so H2 walks that index in order and stops after one page instead of sorting
 * every match.
 *
 * <p>A word search walks the (word, id) index of its rarest word and checks the other words by primary
 * key; messages the {@link WordIndexer} has not reached yet are scanned and matched here.
 */
final class MessageQuery {

	/** Counting postings beyond this is not needed to know which word is rarest. */
	private static final int RARITY_PROBE = 5_000;

	private final StringBuilder from = new StringBuilder();
	private final StringBuilder where = new StringBuilder();
	private final List<Object> params = new ArrayList<>();
	private final String idColumn;
	private String orderPrefix = "";

	private MessageQuery(String idColumn) {
		this.idColumn = idColumn;
	}

	static List<String> words(InboxQuery q) {
		List<String> words = q.words().map(w -> List.copyOf(Words.of(w))).orElse(List.of());
		if (q.words().isPresent() && words.isEmpty()) {
			throw new IllegalArgumentException("search for at least one word of " + Words.MIN_WORD_LENGTH
					+ " or more letters or digits: '" + q.words().get() + "'");
		}
		return words;
	}

	/**
	 * The query for {@code q}. With words: {@code indexed} selects the part the word index covers, else the
	 * not yet indexed part (without word conditions: the caller matches those).
	 */
	static MessageQuery of(Connection c, InboxQuery q, boolean withCursor, boolean indexed) throws SQLException {
		List<String> words = words(q);
		MessageQuery mq;
		if (words.isEmpty()) {
			mq = new MessageQuery("m.id");
			mq.from.append("message m");
		} else if (indexed) {
			words = rarestFirst(c, words);
			mq = new MessageQuery("w0.message_id");
			mq.from.append("message_word w0 JOIN message m ON m.id = w0.message_id");
			mq.and("w0.word = ?", words.get(0));
			mq.orderPrefix = "w0.word DESC, ";
			for (String w : words.subList(1, words.size())) {
				mq.and("EXISTS (SELECT 1 FROM message_word w WHERE w.word = ? AND w.message_id = m.id)", w);
			}
		} else {
			mq = new MessageQuery("m.id");
			mq.from.append("message m");
			mq.and("m.words_indexed = ?", false);
			mq.orderPrefix = "m.words_indexed DESC, ";
		}
		q.sender().ifPresent(s -> {
			String column = isIpv4(s) ? "m.sender_address" : "m.sender_key";
			mq.and(column + " = ?", isIpv4(s) ? BindInterface.parseIpv4(s).getHostAddress() : MessageTable.senderKey(s));
			mq.orderBy(column);
		});
		q.since().ifPresent(t -> mq.and("m.received >= ?", OffsetDateTime.ofInstant(t, ZoneOffset.UTC)));
		q.until().ifPresent(t -> mq.and("m.received < ?", OffsetDateTime.ofInstant(t, ZoneOffset.UTC)));
		switch (q.read()) {
		case UNREAD -> {
			mq.and("m.is_read = ?", false);
			mq.orderBy("m.is_read");
		}
		case READ -> {
			mq.and("m.is_read = ?", true);
			mq.orderBy("m.is_read");
		}
		case ANY -> {
			// no condition
		}
		}
		if (!q.withFlags().isEmpty()) {
			// few messages carry a flag: let the (flags, id) index find them
			int[] values = FlagBits.combinations(q.withFlags(), q.withoutFlags());
			if (values.length == 0) {
				mq.and("FALSE");
			} else {
				mq.and("m.flags IN (?" + ", ?".repeat(values.length - 1) + ")", Arrays.stream(values).boxed().toArray());
			}
		} else if (!q.withoutFlags().isEmpty()) {
			mq.and("BITAND(m.flags, CAST(? AS INTEGER)) = 0", FlagBits.of(q.withoutFlags()));
		}
		if (withCursor && q.before().isPresent()) {
			mq.and(mq.idColumn + " < ?", q.before().getAsLong());
		}
		return mq;
	}

	private static boolean isIpv4(String s) {
		return s.chars().allMatch(ch -> ch == '.' || (ch >= '0' && ch <= '9')) && s.chars().filter(ch -> ch == '.').count() == 3;
	}

	private static List<String> rarestFirst(Connection c, List<String> words) throws SQLException {
		if (words.size() == 1) {
			return words;
		}
		long[] counts = new long[words.size()];
		try (PreparedStatement p = c.prepareStatement(
				"SELECT COUNT(*) FROM (SELECT 1 FROM message_word WHERE word = ? LIMIT " + RARITY_PROBE + ")")) {
			for (int i = 0; i < words.size(); i++) {
				p.setString(1, words.get(i));
				try (ResultSet r = p.executeQuery()) {
					r.next();
					counts[i] = r.getLong(1);
				}
			}
		}
		List<Integer> order = new ArrayList<>();
		for (int i = 0; i < words.size(); i++) {
			order.add(i);
		}
		order.sort(Comparator.comparingLong(i -> counts[i]));
		return order.stream().map(words::get).toList();
	}

	private void and(String condition, Object... values) {
		where.append(where.isEmpty() ? " WHERE " : " AND ").append(condition);
		params.addAll(List.of(values));
	}

	/** The first equality column decides the index walked in order. */
	private void orderBy(String column) {
		if (orderPrefix.isEmpty()) {
			orderPrefix = column + " DESC, ";
		}
	}

	String pageSql(int limit) {
		return "SELECT " + MessageTable.COLUMNS + " FROM " + from + where + " ORDER BY " + orderPrefix + idColumn + " DESC LIMIT " + limit;
	}

	String idsSql() {
		return "SELECT " + idColumn + " FROM " + from + where + " ORDER BY " + orderPrefix + idColumn + " DESC";
	}

	String countSql() {
		return "SELECT COUNT(*) FROM " + from + where;
	}

	void bind(PreparedStatement p) throws SQLException {
		for (int i = 0; i < params.size(); i++) {
			p.setObject(i + 1, params.get(i));
		}
	}

	private List<StoredMessage> rows(Connection c, int limit) throws SQLException {
		List<StoredMessage> rows = new ArrayList<>(Math.min(limit, 1001));
		try (PreparedStatement p = c.prepareStatement(pageSql(limit))) {
			bind(p);
			try (ResultSet r = p.executeQuery()) {
				while (r.next()) {
					rows.add(MessageTable.read(r));
				}
			}
		}
		return rows;
	}

	/** The not yet indexed messages that match the other criteria and contain all {@code words}. */
	private static List<StoredMessage> unindexedMatches(Connection c, InboxQuery q, List<String> words, boolean withCursor) throws SQLException {
		MessageQuery tail = of(c, q, withCursor, false);
		List<StoredMessage> matches = new ArrayList<>();
		try (PreparedStatement p = c.prepareStatement(tail.pageSql(Integer.MAX_VALUE))) {
			tail.bind(p);
			try (ResultSet r = p.executeQuery()) {
				while (r.next()) {
					StoredMessage m = MessageTable.read(r);
					Set<String> have = Words.of(m.message().text());
					if (have.containsAll(words)) {
						matches.add(m);
					}
				}
			}
		}
		return matches;
	}

	/** Runs the page query: one row more than the limit tells whether there is a next page. */
	static InboxPage page(Connection c, InboxQuery q) throws SQLException {
		List<String> words = words(q);
		List<StoredMessage> rows;
		if (words.isEmpty()) {
			rows = of(c, q, true, true).rows(c, q.limit() + 1);
		} else {
			// newest first; a message indexed between the two statements may come from both: keep it once
			TreeMap<Long, StoredMessage> merged = new TreeMap<>(Comparator.reverseOrder());
			for (StoredMessage m : unindexedMatches(c, q, words, true)) {
				merged.put(m.id(), m);
			}
			for (StoredMessage m : of(c, q, true, true).rows(c, q.limit() + 1)) {
				merged.put(m.id(), m);
			}
			rows = merged.values().stream().limit(q.limit() + 1L).toList();
		}
		if (rows.size() > q.limit()) {
			rows = rows.subList(0, q.limit());
			return new InboxPage(rows, OptionalLong.of(rows.get(rows.size() - 1).id()));
		}
		return new InboxPage(rows, OptionalLong.empty());
	}

	/** Every matching id, newest first; for a word search the indexed and not yet indexed parts merged. */
	static long[] ids(Connection c, InboxQuery q) throws SQLException {
		if (words(q).isEmpty()) {
			return indexedIds(c, q);
		}
		// one snapshot for both parts (see count)
		return inSnapshot(c, () -> {
			LongStream tail = unindexedMatches(c, q, words(q), false).stream().mapToLong(StoredMessage::id);
			return LongStream.concat(LongStream.of(indexedIds(c, q)), tail).distinct().boxed().sorted(Comparator.reverseOrder())
					.mapToLong(Long::longValue).toArray();
		});
	}

	private static long[] indexedIds(Connection c, InboxQuery q) throws SQLException {
		MessageQuery mq = of(c, q, false, true);
		LongStream.Builder ids = LongStream.builder();
		try (PreparedStatement p = c.prepareStatement(mq.idsSql())) {
			mq.bind(p);
			p.setFetchSize(10_000);
			try (ResultSet r = p.executeQuery()) {
				while (r.next()) {
					ids.add(r.getLong(1));
				}
			}
		}
		return ids.build().toArray();
	}


	static long count(Connection c, InboxQuery q) throws SQLException {
		List<String> words = words(q);
		if (words.isEmpty()) {
			return indexedCount(c, q, words);
		}
		// the indexed and the not yet indexed part from one snapshot: a message the indexer marks in
		// between must not be missed by both statements
		return inSnapshot(c, () -> indexedCount(c, q, words) + unindexedMatches(c, q, words, false).size());
	}

	private static long indexedCount(Connection c, InboxQuery q, List<String> words) throws SQLException {
		MessageQuery mq = of(c, q, false, true);
		if (!words.isEmpty()) {
			mq.and("m.words_indexed = ?", true);
		}
		try (PreparedStatement p = c.prepareStatement(mq.countSql())) {
			mq.bind(p);
			try (ResultSet r = p.executeQuery()) {
				r.next();
				return r.getLong(1);
			}
		}
	}

	interface SqlWork<T> {
		T run() throws SQLException;
	}

	/**
	 * Runs {@code work}'s statements in one transaction that sees one snapshot of the database (H2's
	 * SNAPSHOT isolation), then gives the connection back in auto-commit and READ COMMITTED.
	 */
	static <T> T inSnapshot(Connection c, SqlWork<T> work) throws SQLException {
		c.setTransactionIsolation(SNAPSHOT_ISOLATION);
		c.setAutoCommit(false);
		try {
			T result = work.run();
			c.commit();
			return result;
		} finally {
			if (!c.getAutoCommit()) {
				c.rollback(); // nothing to undo after the commit; after a failure, end the transaction
				c.setAutoCommit(true);
			}
			c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
		}
	}

	/** H2's JDBC value for its SNAPSHOT isolation level (beyond java.sql's constants). */
	static final int SNAPSHOT_ISOLATION = 6;

	/** For tests and the benchmark: H2's plan for the page query (the indexed part, for a word search). */
	static String explain(Connection c, InboxQuery q) throws SQLException {
		MessageQuery mq = of(c, q, true, true);
		try (PreparedStatement p = c.prepareStatement("EXPLAIN " + mq.pageSql(q.limit() + 1))) {
			mq.bind(p);
			try (ResultSet r = p.executeQuery()) {
				r.next();
				return r.getString(1);
			}
		}
	}
}
