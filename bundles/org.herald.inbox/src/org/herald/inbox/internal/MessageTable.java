/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.inbox.internal;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;

import org.herald.api.BindInterface;
import org.herald.api.MessageFlag;
import org.herald.api.MessagePath;
import org.herald.api.ReceivedMessage;
import org.herald.api.StoredMessage;

/** Rows of the message table: insert, read, delete (with their words). */
final class MessageTable {

	static final String COLUMNS = "m.id, m.sender_name, m.sender_address, m.recipient_name, m.wire_path, m.received, m.body, m.is_read, m.flags";
	static final int MAX_NAME = 255;

	private MessageTable() {
	}

	/** Inserts {@code m} with {@code flags} (its own plus the policy's); the {@link WordIndexer} indexes its words later. */
	static long insert(Connection c, ReceivedMessage m, Set<MessageFlag> flags) throws SQLException {
		long id;
		try (PreparedStatement p = c.prepareStatement("INSERT INTO message (sender_name, sender_key, sender_address, recipient_name, "
				+ "wire_path, received, body, flags) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
			String sender = clip(m.senderName());
			p.setString(1, sender);
			p.setString(2, senderKey(sender));
			p.setString(3, m.senderAddress().getHostAddress());
			p.setString(4, clip(m.recipientName()));
			p.setString(5, m.path().name());
			p.setObject(6, OffsetDateTime.ofInstant(m.received(), ZoneOffset.UTC));
			p.setString(7, m.text());
			p.setInt(8, FlagBits.of(flags));
			p.executeUpdate();
			try (ResultSet k = p.getGeneratedKeys()) {
				k.next();
				id = k.getLong(1);
			}
		}
		return id;
	}

	/** Deletes messages and their index words; returns how many messages were deleted. */
	static int delete(Connection c, Collection<Long> ids) throws SQLException {
		int n = 0;
		try (PreparedStatement body = c.prepareStatement("SELECT body FROM message WHERE id = ? FOR UPDATE");
				PreparedStatement words = c.prepareStatement("DELETE FROM message_word WHERE word = ? AND message_id = ?");
				PreparedStatement del = c.prepareStatement("DELETE FROM message WHERE id = ?")) {
			for (long id : ids) {
				body.setLong(1, id);
				try (ResultSet r = body.executeQuery()) {
					if (!r.next()) {
						continue;
					}
					// the words are found again from the text, so the index needs no second index by id
					for (String w : Words.of(r.getString(1))) {
						words.setString(1, w);
						words.setLong(2, id);
						words.addBatch();
					}
				}
				words.executeBatch();
				del.setLong(1, id);
				n += del.executeUpdate();
			}
		}
		return n;
	}

	/** Reads a row selected with {@link #COLUMNS}. */
	static StoredMessage read(ResultSet r) throws SQLException {
		ReceivedMessage m = new ReceivedMessage(r.getString(2), address(r.getString(3)), r.getString(4),
				MessagePath.valueOf(r.getString(5)), r.getObject(6, OffsetDateTime.class).toInstant(), r.getString(7),
				FlagBits.flags(r.getInt(9)));
		return new StoredMessage(r.getLong(1), m, r.getBoolean(8));
	}

	static String senderKey(String senderName) {
		return clip(senderName.strip().toUpperCase(Locale.ROOT));
	}

	private static String clip(String s) {
		return s.length() <= MAX_NAME ? s : s.substring(0, MAX_NAME);
	}

	/** Turns a stored address literal back into an address, without asking DNS. */
	static InetAddress address(String literal) throws SQLException {
		try {
			if (literal.indexOf(':') < 0) {
				Inet4Address v4 = BindInterface.parseIpv4(literal);
				return v4;
			}
			return InetAddress.getByName(literal); // an IPv6 literal: parsed, never looked up
		} catch (IllegalArgumentException | UnknownHostException e) {
			throw new SQLException("bad sender address in the inbox: " + literal, e);
		}
	}
}
