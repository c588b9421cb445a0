/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.alerter.internal;

import java.net.Inet4Address;
import java.util.ArrayList;
import java.util.List;

import org.herald.alerter.AlertRule;
import org.herald.browser.BrowseEvent;
import org.herald.browser.Host;
import org.herald.browser.exposure.ExposureReport;
import org.herald.browser.exposure.HostExposure;
import org.herald.browser.exposure.Risk;
import org.herald.messenger.Recipient;

/** Which rules an event or a report fires, and the alert text of each. */
final class Rules {

	record Firing(AlertRule rule, String text) {
	}

	private Rules() {
	}

	static List<Firing> fired(List<AlertRule> rules, BrowseEvent event) {
		List<Firing> fired = new ArrayList<>();
		if (event.host().isEmpty()) {
			return fired;
		}
		Host host = event.host().get();
		for (AlertRule rule : rules) {
			boolean kindMatches = switch (rule.kind()) {
				case HOST_APPEARS -> event.kind() == BrowseEvent.Kind.HOST_ADDED;
				case HOST_OFFLINE -> event.kind() == BrowseEvent.Kind.HOST_STALE || event.kind() == BrowseEvent.Kind.HOST_REMOVED;
				case EXPOSURE_HIGH -> false;
			};
			if (kindMatches && (rule.target().equals("*") || rule.target().equalsIgnoreCase(host.name()))) {
				String what = rule.kind() == AlertRule.Kind.HOST_APPEARS ? "appeared in" : "went offline from";
				fired.add(new Firing(rule, "Herald alert " + rule.id() + ": host " + host.name() + " " + what + " the browse list"
						+ host.workgroup().map(w -> " of " + w).orElse("")));
			}
		}
		return fired;
	}

	static List<Firing> fired(List<AlertRule> rules, ExposureReport report) {
		List<Firing> fired = new ArrayList<>();
		for (AlertRule rule : rules) {
			if (rule.kind() != AlertRule.Kind.EXPOSURE_HIGH) {
				continue;
			}
			for (HostExposure host : report.hosts()) {
				if (host.risk() == Risk.HIGH && contains(rule.target(), host.address())) {
					fired.add(new Firing(rule, "Herald alert " + rule.id() + ": " + host.address().getHostAddress()
							+ " is exposed HIGH (" + host.reason() + ")"));
				}
			}
		}
		return fired;
	}

	/** Whether {@code target} (an address, a range, a prefix, or {@code *}) holds {@code address}. */
	static boolean contains(String target, Inet4Address address) {
		if (target.equals("*")) {
			return true;
		}
		Recipient r;
		try {
			r = Recipient.parse(target);
		} catch (IllegalArgumentException e) {
			return false;
		}
		long a = toLong(address);
		return switch (r) {
			case Recipient.Address x -> x.address().equals(address);
			case Recipient.Range x -> toLong(x.first()) <= a && a <= toLong(x.last());
			default -> false;
		};
	}

	/** Checks a rule's target before it is saved. */
	static void check(AlertRule.Kind kind, String target) {
		if (kind == AlertRule.Kind.EXPOSURE_HIGH && !target.strip().equals("*")) {
			Recipient r = Recipient.parse(target);
			if (!(r instanceof Recipient.Address) && !(r instanceof Recipient.Range)) {
				throw new IllegalArgumentException("exposure-high wants an address, a range or a prefix, not '" + target + "'");
			}
		}
	}

	private static long toLong(Inet4Address a) {
		byte[] b = a.getAddress();
		return ((b[0] & 0xFFL) << 24) | ((b[1] & 0xFFL) << 16) | ((b[2] & 0xFFL) << 8) | (b[3] & 0xFFL);
	}
}
