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
import java.util.List;
import java.util.OptionalLong;

import org.herald.api.BindInterface;
import org.herald.api.StoredMessage;
import org.herald.inbox.InboxPage;
import org.herald.inbox.InboxQuery;

/**
 * Turns an {@link InboxQuery} into SQL. Pages are keyset pages: newest first, the next page starts below
 * the last id seen ({@code id < ?}), so a page costs the same at the millionth message as at the first.
 * A word search walks the (word, id) index of its rarest word from the top, and checks the other words
 * by primary key.
 */
final class MessageQuery {

	/** Counting postings beyond this is not needed to know which word is rarest. */
	private static final int RARITY_PROBE = 5_000;

	private final StringBuilder from = new StringBuilder();
	private final StringBuilder where = new StringBuilder();
	private final List<Object> params = new ArrayList<>();
	private final String idColumn;

	private MessageQuery(String idColumn) {
		this.idColumn = idColumn;
	}

	/** The query for {@code q}; words are looked up in {@code c} to pick the rarest as the driving one. */
	static MessageQuery of(Connection c, InboxQuery q, boolean withCursor) throws SQLException {
		List<String> words = q.words().map(w -> List.copyOf(Words.of(w))).orElse(List.of());
		if (q.words().isPresent() && words.isEmpty()) {
			throw new IllegalArgumentException("search for at least one word of " + Words.MIN_WORD_LENGTH
					+ " or more letters or digits: '" + q.words().get() + "'");
		}
		MessageQuery mq;
		if (words.isEmpty()) {
			mq = new MessageQuery("m.id");
			mq.from.append("message m");
		} else {
			words = rarestFirst(c, words);
			mq = new MessageQuery("w0.message_id");
			mq.from.append("message_word w0 JOIN message m ON m.id = w0.message_id");
			mq.and("w0.word = ?", words.get(0));
			for (String w : words.subList(1, words.size())) {
				mq.and("EXISTS (SELECT 1 FROM message_word w WHERE w.word = ? AND w.message_id = m.id)", w);
			}
		}
		q.sender().ifPresent(s -> {
			if (isIpv4(s)) {
				mq.and("m.sender_address = ?", BindInterface.parseIpv4(s).getHostAddress());
			} else {
				mq.and("m.sender_key = ?", MessageTable.senderKey(s));
			}
		});
		q.since().ifPresent(t -> mq.and("m.received >= ?", OffsetDateTime.ofInstant(t, ZoneOffset.UTC)));
		q.until().ifPresent(t -> mq.and("m.received < ?", OffsetDateTime.ofInstant(t, ZoneOffset.UTC)));
		switch (q.read()) {
		case UNREAD -> mq.and("m.is_read = ?", false);
		case READ -> mq.and("m.is_read = ?", true);
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
				StringBuilder in = new StringBuilder("m.flags IN (?");
				in.append(", ?".repeat(values.length - 1)).append(')');
				mq.and(in.toString(), java.util.Arrays.stream(values).boxed().toArray());
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
		order.sort((a, b) -> Long.compare(counts[a], counts[b]));
		return order.stream().map(words::get).toList();
	}

	private void and(String condition, Object... values) {
		where.append(where.isEmpty() ? " WHERE " : " AND ").append(condition);
		params.addAll(List.of(values));
	}

	String pageSql(int limit) {
		return "SELECT " + MessageTable.COLUMNS + " FROM " + from + where + " ORDER BY " + idColumn + " DESC LIMIT " + limit;
	}

	String countSql() {
		return "SELECT COUNT(*) FROM " + from + where;
	}

	void bind(PreparedStatement p) throws SQLException {
		for (int i = 0; i < params.size(); i++) {
			p.setObject(i + 1, params.get(i));
		}
	}

	/** Runs the page query: one row more than the limit tells whether there is a next page. */
	static InboxPage page(Connection c, InboxQuery q) throws SQLException {
		MessageQuery mq = of(c, q, true);
		List<StoredMessage> rows = new ArrayList<>(Math.min(q.limit(), 1000) + 1);
		try (PreparedStatement p = c.prepareStatement(mq.pageSql(q.limit() + 1))) {
			mq.bind(p);
			try (ResultSet r = p.executeQuery()) {
				while (r.next()) {
					rows.add(MessageTable.read(r));
				}
			}
		}
		if (rows.size() > q.limit()) {
			rows = rows.subList(0, q.limit());
			return new InboxPage(rows, OptionalLong.of(rows.get(rows.size() - 1).id()));
		}
		return new InboxPage(rows, OptionalLong.empty());
	}

	static long count(Connection c, InboxQuery q) throws SQLException {
		MessageQuery mq = of(c, q, false);
		try (PreparedStatement p = c.prepareStatement(mq.countSql())) {
			mq.bind(p);
			try (ResultSet r = p.executeQuery()) {
				r.next();
				return r.getLong(1);
			}
		}
	}

	/** For tests and the benchmark: H2's plan for the page query. */
	static String explain(Connection c, InboxQuery q) throws SQLException {
		MessageQuery mq = of(c, q, true);
		try (PreparedStatement p = c.prepareStatement("EXPLAIN " + mq.pageSql(q.limit() + 1))) {
			mq.bind(p);
			try (ResultSet r = p.executeQuery()) {
				r.next();
				return r.getString(1);
			}
		}
	}
}
