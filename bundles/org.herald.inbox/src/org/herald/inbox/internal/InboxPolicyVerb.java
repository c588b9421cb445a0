/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.inbox.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.herald.api.SessionLimits;
import org.herald.api.cli.CommandContext;
import org.herald.api.cli.Options;
import org.herald.api.cli.ParsedOptions;
import org.herald.api.cli.UsageException;
import org.herald.inbox.Inbox;
import org.herald.inbox.SpamCounters;
import org.herald.inbox.SpamPolicy;
import org.herald.inbox.SpamRule;
import org.herald.inbox.SpamSettings;

/** {@code herald inbox policy}: shows the spam policy and the session limits, and changes what the options say. */
final class InboxPolicyVerb implements InboxVerb {

	@Override
	public String operands() {
		return "";
	}

	@Override
	public Options options() {
		return new Options().value("--flood", "N/SECONDS|off", "at most N messages per SECONDS per address")
				.value("--store-blocked", "on|off", "store blocked messages, flagged").value("--quarantine", "on|off",
						"quarantine senders outside the local and trusted subnets")
				.value("--idle-timeout", "SECONDS", "close sessions silent or half-sent this long")
				.value("--sessions-per-address", "N", "TCP 139/445 sessions open at once per source address")
				.value("--sessions", "N", "TCP 139/445 sessions open at once in all");
	}

	@Override
	public int run(Inbox inbox, ParsedOptions given, CommandContext context) throws IOException, UsageException {
		SpamSettings s = inbox.policy().settings();
		String flood = given.string("--flood").orElse(null);
		String storeBlocked = given.string("--store-blocked").orElse(null);
		String quarantine = given.string("--quarantine").orElse(null);
		String idle = given.string("--idle-timeout").orElse(null);
		String perAddress = given.string("--sessions-per-address").orElse(null);
		String total = given.string("--sessions").orElse(null);
		if (flood != null || storeBlocked != null || quarantine != null || idle != null || perAddress != null || total != null) {
			int limit = s.floodLimit();
			Duration window = s.floodWindow();
			if (flood != null) {
				if (flood.equals("off")) {
					limit = 0;
				} else {
					String[] parts = flood.split("/");
					if (parts.length != 2) {
						throw new UsageException("--flood wants N/SECONDS, as in 30/10, or off");
					}
					limit = (int) InboxArguments.number(parts[0], "flood limit");
					window = Duration.ofSeconds(InboxArguments.number(parts[1], "flood window"));
				}
			}
			SessionLimits l = s.sessions();
			try {
				l = new SessionLimits(idle == null ? l.idleTimeout() : Duration.ofSeconds(InboxArguments.number(idle, "--idle-timeout")),
						perAddress == null ? l.perAddress()
								: (int) Math.min(Integer.MAX_VALUE, InboxArguments.number(perAddress, "--sessions-per-address")),
						total == null ? l.total() : (int) Math.min(Integer.MAX_VALUE, InboxArguments.number(total, "--sessions")));
				s = new SpamSettings(limit, window, storeBlocked == null ? s.storeBlocked() : InboxArguments.onOff(storeBlocked),
						quarantine == null ? s.quarantineOutsiders() : InboxArguments.onOff(quarantine), l);
			} catch (IllegalArgumentException e) {
				throw new UsageException(e.getMessage());
			}
			inbox.updateSettings(s);
		}
		print(inbox, s, context.out());
		return 0;
	}

	private static void print(Inbox inbox, SpamSettings s, PrintStream out) throws IOException {
		SpamPolicy p = inbox.policy();
		SpamCounters c = inbox.counters();
		SessionLimits l = s.sessions();
		out.println("flood limit:    " + (s.floodLimit() == 0 ? "off" : s.floodLimit() + " messages per " + s.floodWindow().toSeconds() + " s per address"));
		out.println("blocked:        " + (s.storeBlocked() ? "stored with the BLOCKED flag" : "counted, not stored"));
		out.println("quarantine:     " + (s.quarantineOutsiders() ? "senders outside the local and trusted subnets" : "off"));
		out.println("sessions:       " + l.perAddress() + " at once per address, " + l.total() + " in all; closed after "
				+ l.idleTimeout().toSeconds() + " s idle or half-sent");
		for (SpamRule.RuleList list : SpamRule.RuleList.values()) {
			List<String> entries = p.rules(list).stream().map(r -> r.pattern().toString()).toList();
			out.printf("%-15s %s%n", list.name().toLowerCase(Locale.ROOT) + ":", entries.isEmpty() ? "-" : String.join(", ", entries));
		}
		out.printf("counters:       %d stored, %d quarantined, %d blocked, %d refused by the flood limit%n", c.stored(), c.quarantined(),
				c.blocked(), c.droppedByFlood());
	}
}
