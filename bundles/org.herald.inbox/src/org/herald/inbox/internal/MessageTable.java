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
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
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

	/**
	 * Inserts {@code messages} under their ids (handed out by {@link IdBlocks}), with their flags as they
	 * are (their own plus the policy's); the {@link WordIndexer} indexes their words later.
	 */
	static void insert(Connection c, List<StoredMessage> messages) throws SQLException {
		try (PreparedStatement p = c.prepareStatement("INSERT INTO message (id, sender_name, sender_key, sender_address, recipient_name, "
				+ "wire_path, received, body, flags) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
			for (StoredMessage stored : messages) {
				ReceivedMessage m = stored.message();
				String sender = clip(m.senderName());
				p.setLong(1, stored.id());
				p.setString(2, sender);
				p.setString(3, senderKey(sender));
				p.setString(4, m.senderAddress().getHostAddress());
				p.setString(5, clip(m.recipientName()));
				p.setString(6, m.path().name());
				p.setObject(7, OffsetDateTime.ofInstant(m.received(), ZoneOffset.UTC));
				p.setString(8, m.text());
				p.setInt(9, FlagBits.of(m.flags()));
				p.addBatch();
			}
			p.executeBatch();
		}
	}

	/** Those of {@code messages} whose id is not in the table (for a journal's replay). */
	static List<StoredMessage> missing(Connection c, List<StoredMessage> messages) throws SQLException {
		List<StoredMessage> missing = new java.util.ArrayList<>();
		try (PreparedStatement p = c.prepareStatement("SELECT 1 FROM message WHERE id = ?")) {
			for (StoredMessage m : messages) {
				p.setLong(1, m.id());
				try (ResultSet r = p.executeQuery()) {
					if (!r.next()) {
						missing.add(m);
					}
				}
			}
		}
		return missing;
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
