/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.inbox.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.herald.api.SessionLimits;
import org.herald.inbox.SenderPattern;
import org.herald.inbox.SpamCounters;
import org.herald.inbox.SpamPolicy;
import org.herald.inbox.SpamRule;
import org.herald.inbox.SpamSettings;

/** The spam policy and the counters in their tables (spam_rule, spam_setting, inbox_counter). */
final class PolicyTables {

	static final String STORED = "stored";
	static final String QUARANTINED = "quarantined";
	static final String BLOCKED = "blocked";
	static final String DROPPED_BY_FLOOD = "dropped_by_flood";
	/** Bumped by every change to the messages: other processes poll it to refresh. */
	static final String CHANGE_SEQ = "change_seq";
	/** Bumped by every change to the policy: the writer reloads the policy when it moved. */
	static final String POLICY_VERSION = "policy_version";

	private PolicyTables() {
	}

	static SpamPolicy load(Connection c) throws SQLException {
		Map<String, String> s = new HashMap<>();
		try (Statement st = c.createStatement(); ResultSet r = st.executeQuery("SELECT name, setting_value FROM spam_setting")) {
			while (r.next()) {
				s.put(r.getString(1), r.getString(2));
			}
		}
		SpamSettings d = SpamSettings.DEFAULTS;
		SpamSettings settings = new SpamSettings(
				Integer.parseInt(s.getOrDefault("flood.limit", Integer.toString(d.floodLimit()))),
				Duration.ofMillis(Long.parseLong(s.getOrDefault("flood.window.ms", Long.toString(d.floodWindow().toMillis())))),
				Boolean.parseBoolean(s.getOrDefault("store.blocked", Boolean.toString(d.storeBlocked()))),
				Boolean.parseBoolean(s.getOrDefault("quarantine.outsiders", Boolean.toString(d.quarantineOutsiders()))),
				sessions(s, d.sessions()));
		List<SpamRule> rules = new ArrayList<>();
		try (Statement st = c.createStatement();
				ResultSet r = st.executeQuery("SELECT rule_list, pattern_kind, pattern FROM spam_rule ORDER BY rule_list, pattern_kind, pattern")) {
			while (r.next()) {
				rules.add(new SpamRule(SpamRule.RuleList.valueOf(r.getString(1)),
						new SenderPattern(SenderPattern.Kind.valueOf(r.getString(2)), r.getString(3))));
			}
		}
		return new SpamPolicy(settings, rules);
	}

	/** The session limits as saved; a value that is missing or out of range (saved by another version) is the default. */
	private static SessionLimits sessions(Map<String, String> s, SessionLimits d) {
		try {
			return new SessionLimits(
					Duration.ofMillis(Long.parseLong(s.getOrDefault("session.idle.ms", Long.toString(d.idleTimeout().toMillis())))),
					Integer.parseInt(s.getOrDefault("session.per.address", Integer.toString(d.perAddress()))),
					Integer.parseInt(s.getOrDefault("session.total", Integer.toString(d.total()))));
		} catch (IllegalArgumentException e) {
			return d;
		}
	}

	static void saveSettings(Connection c, SpamSettings s) throws SQLException {
		try (PreparedStatement p = c.prepareStatement("MERGE INTO spam_setting (name, setting_value) KEY (name) VALUES (?, ?)")) {
			put(p, "flood.limit", Integer.toString(s.floodLimit()));
			put(p, "flood.window.ms", Long.toString(s.floodWindow().toMillis()));
			put(p, "store.blocked", Boolean.toString(s.storeBlocked()));
			put(p, "quarantine.outsiders", Boolean.toString(s.quarantineOutsiders()));
			put(p, "session.idle.ms", Long.toString(s.sessions().idleTimeout().toMillis()));
			put(p, "session.per.address", Integer.toString(s.sessions().perAddress()));
			put(p, "session.total", Integer.toString(s.sessions().total()));
			p.executeBatch();
		}
		bump(c, POLICY_VERSION, 1);
	}

	private static void put(PreparedStatement p, String name, String value) throws SQLException {
		p.setString(1, name);
		p.setString(2, value);
		p.addBatch();
	}

	/** Puts {@code rule}'s pattern in its list (out of any other); false if it was there already. */
	static boolean addRule(Connection c, SpamRule rule) throws SQLException {
		try (PreparedStatement p = c.prepareStatement("SELECT rule_list FROM spam_rule WHERE pattern_kind = ? AND pattern = ? FOR UPDATE")) {
			p.setString(1, rule.pattern().kind().name());
			p.setString(2, rule.pattern().value());
			try (ResultSet r = p.executeQuery()) {
				if (r.next() && r.getString(1).equals(rule.list().name())) {
					return false;
				}
			}
		}
		removeRule(c, rule.pattern());
		try (PreparedStatement p = c.prepareStatement("INSERT INTO spam_rule (pattern_kind, pattern, rule_list) VALUES (?, ?, ?)")) {
			p.setString(1, rule.pattern().kind().name());
			p.setString(2, rule.pattern().value());
			p.setString(3, rule.list().name());
			p.executeUpdate();
		}
		bump(c, POLICY_VERSION, 1);
		return true;
	}

	static boolean removeRule(Connection c, SenderPattern pattern) throws SQLException {
		int n;
		try (PreparedStatement p = c.prepareStatement("DELETE FROM spam_rule WHERE pattern_kind = ? AND pattern = ?")) {
			p.setString(1, pattern.kind().name());
			p.setString(2, pattern.value());
			n = p.executeUpdate();
		}
		if (n > 0) {
			bump(c, POLICY_VERSION, 1);
		}
		return n > 0;
	}

	static SpamCounters counters(Connection c) throws SQLException {
		Map<String, Long> v = all(c);
		return new SpamCounters(v.get(STORED), v.get(QUARANTINED), v.get(BLOCKED), v.get(DROPPED_BY_FLOOD));
	}

	static long get(Connection c, String name) throws SQLException {
		try (PreparedStatement p = c.prepareStatement("SELECT counter_value FROM inbox_counter WHERE name = ?")) {
			p.setString(1, name);
			try (ResultSet r = p.executeQuery()) {
				return r.next() ? r.getLong(1) : 0;
			}
		}
	}

	private static Map<String, Long> all(Connection c) throws SQLException {
		Map<String, Long> v = new HashMap<>();
		try (Statement st = c.createStatement(); ResultSet r = st.executeQuery("SELECT name, counter_value FROM inbox_counter")) {
			while (r.next()) {
				v.put(r.getString(1), r.getLong(2));
			}
		}
		return v;
	}

	static void bump(Connection c, String name, long delta) throws SQLException {
		if (delta == 0) {
			return;
		}
		try (PreparedStatement p = c.prepareStatement("UPDATE inbox_counter SET counter_value = counter_value + ? WHERE name = ?")) {
			p.setLong(1, delta);
			p.setString(2, name);
			p.executeUpdate();
		}
	}
}
