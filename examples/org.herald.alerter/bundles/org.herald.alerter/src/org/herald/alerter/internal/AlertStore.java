/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.alerter.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.herald.alerter.Alert;
import org.herald.alerter.AlertRule;
import org.osgi.service.prefs.BackingStoreException;
import org.osgi.service.prefs.Preferences;

/**
 * Rules, admins and recorded alerts in the workspace's preferences (node {@code org.herald.alerter}),
 * so the CLI and the workbench of one workspace share them. Keeps the newest {@value #KEPT} alerts.
 */
final class AlertStore {

	static final int KEPT = 200;

	private final Preferences node;

	AlertStore(Preferences node) {
		this.node = node;
	}

	synchronized List<AlertRule> rules() {
		List<AlertRule> rules = new ArrayList<>();
		for (String line : lines("rules")) {
			String[] f = line.split("\\|", 3);
			if (f.length == 3) {
				try {
					rules.add(new AlertRule(f[0], AlertRule.Kind.of(f[1]), f[2]));
				} catch (IllegalArgumentException e) {
					// a line broken by hand: skipped
				}
			}
		}
		return rules;
	}

	synchronized AlertRule add(AlertRule.Kind kind, String target) {
		List<AlertRule> rules = rules();
		int next = rules.stream().mapToInt(r -> r.id().matches("r\\d+") ? Integer.parseInt(r.id().substring(1)) : 0).max().orElse(0) + 1;
		AlertRule rule = new AlertRule("r" + next, kind, clean(target));
		rules.add(rule);
		writeRules(rules);
		return rule;
	}

	synchronized boolean remove(String id) {
		List<AlertRule> rules = rules();
		boolean removed = rules.removeIf(r -> r.id().equalsIgnoreCase(id));
		if (removed) {
			writeRules(rules);
		}
		return removed;
	}

	synchronized List<String> admins() {
		return Arrays.stream(node.get("admins", "").split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
	}

	synchronized void setAdmins(List<String> admins) {
		node.put("admins", String.join(",", admins.stream().map(AlertStore::clean).toList()));
		flush();
	}

	synchronized List<Alert> alerts() {
		List<Alert> alerts = new ArrayList<>();
		for (String line : lines("alerts")) {
			String[] f = line.split("\\|", 4);
			if (f.length == 4) {
				try {
					alerts.add(new Alert(Instant.ofEpochMilli(Long.parseLong(f[0])), f[1], f[2], f[3]));
				} catch (NumberFormatException e) {
					// skipped
				}
			}
		}
		return alerts;
	}

	synchronized void record(Alert alert) {
		List<String> lines = new ArrayList<>(lines("alerts"));
		lines.add(alert.time().toEpochMilli() + "|" + clean(alert.rule()) + "|" + clean(alert.text()) + "|" + clean(alert.delivery()));
		while (lines.size() > KEPT) {
			lines.remove(0);
		}
		node.put("alerts", String.join("\n", lines));
		flush();
	}

	private void writeRules(List<AlertRule> rules) {
		node.put("rules", String.join("\n", rules.stream().map(r -> r.id() + "|" + r.kind().word() + "|" + r.target()).toList()));
		flush();
	}

	private List<String> lines(String key) {
		String text = node.get(key, "");
		return text.isEmpty() ? List.of() : List.of(text.split("\n"));
	}

	private static String clean(String s) {
		return s.replace('|', '/').replace('\n', ' ').replace('\r', ' ').strip();
	}

	private void flush() {
		try {
			node.flush();
		} catch (BackingStoreException e) {
			throw new IllegalStateException("cannot save the Alerter's settings: " + e.getMessage(), e);
		}
	}
}
