/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.network.ui.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.stream.Collectors;

import org.herald.api.Identity;
import org.herald.browser.BrowseModel;
import org.herald.browser.BrowserRole;
import org.herald.browser.Host;
import org.herald.browser.Subnets;
import org.herald.browser.Workgroup;

/** How hosts and workgroups read in the network tree. */
public final class HostText {

	private HostText() {
	}

	public static String addresses(Host h) {
		return h.addresses().stream().map(a -> a.getHostAddress()).collect(Collectors.joining(", "));
	}

	public static String status(Host h) {
		String role = h.role() == BrowserRole.NONE ? "" : h.role().name().toLowerCase(Locale.ROOT).replace('_', ' ');
		String state = h.stale() ? "stale" : "active";
		return role.isEmpty() ? state : state + ", " + role;
	}

	public static String sources(Host h) {
		return h.seenBy().keySet().stream().map(s -> s.name().toLowerCase(Locale.ROOT).replace('_', ' ')).sorted()
				.collect(Collectors.joining(", "));
	}

	/** The subnet of each address, as {@code browse --site} says it ({@link Subnets#of}). */
	public static String subnets(Identity identity, Host h) {
		return h.addresses().stream().map(a -> Subnets.of(identity, a)).distinct().collect(Collectors.joining(", "));
	}

	/**
	 * Who reported the host, in words, the latest first ({@link BrowseModel#reporters}); the kinds
	 * of source when the model noted no words.
	 */
	public static String reporters(BrowseModel model, Host h) {
		var r = model.reporters(h.name());
		return r.isEmpty() ? sources(h) : String.join("; ", r.keySet());
	}

	/** The host's tooltip: every address with its subnet, and each reporter with when it last reported. */
	public static String details(Identity identity, BrowseModel model, Host h, Instant now) {
		StringBuilder b = new StringBuilder(h.name() + h.workgroup().map(w -> " in " + w).orElse("") + (h.stale() ? " (stale)" : ""));
		for (var a : h.addresses()) {
			b.append("\n").append(a.getHostAddress()).append(" on ").append(Subnets.of(identity, a));
		}
		model.reporters(h.name()).forEach((by, when) -> b.append("\nreported by ").append(by).append(", ").append(ago(when, now)));
		return b.toString();
	}

	public static String ago(Instant then, Instant now) {
		long s = Math.max(0, Duration.between(then, now).toSeconds());
		if (s < 60) {
			return s + " s ago";
		}
		if (s < 3600) {
			return s / 60 + " min ago";
		}
		return s / 3600 + " h ago";
	}

	public static String workgroup(Workgroup w, int hosts) {
		return w.name() + " (" + hosts + (hosts == 1 ? " host" : " hosts") + w.masterBrowser().map(m -> ", master " + m).orElse("")
				+ (w.stale() ? ", stale" : "") + ")";
	}

	/** Whether a host matches the filter text (name, user, address, comment; case-insensitive). */
	public static boolean matches(Host h, String filter) {
		if (filter.isBlank()) {
			return true;
		}
		String f = filter.strip().toLowerCase(Locale.ROOT);
		return h.name().toLowerCase(Locale.ROOT).contains(f) || h.user().map(u -> u.toLowerCase(Locale.ROOT).contains(f)).orElse(false)
				|| addresses(h).contains(f) || h.comment().toLowerCase(Locale.ROOT).contains(f);
	}
}
