/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.inbox.internal;

import java.io.IOException;
import java.util.Locale;

import org.herald.api.cli.CommandContext;
import org.herald.api.cli.Options;
import org.herald.api.cli.ParsedOptions;
import org.herald.api.cli.UsageException;
import org.herald.inbox.Inbox;
import org.herald.inbox.SenderPattern;
import org.herald.inbox.SpamRule;

/**
 * {@code herald inbox block|allow|trust PATTERN} (a sender on one list at most) and, with no list,
 * {@code herald inbox unblock PATTERN} (off every list).
 */
final class InboxRuleVerb implements InboxVerb {

	private final SpamRule.RuleList list;

	/** @param list the list to put senders on, or null for {@code unblock} */
	InboxRuleVerb(SpamRule.RuleList list) {
		this.list = list;
	}

	@Override
	public String operands() {
		return list == SpamRule.RuleList.TRUST ? "IP|CIDR" : "NAME|IP|CIDR";
	}

	@Override
	public Options options() {
		return new Options();
	}

	@Override
	public String note() {
		return list == null ? "(takes it off every list)" : list == SpamRule.RuleList.TRUST ? "(its senders are not quarantined)" : "(a sender is on one list at most)";
	}

	@Override
	public int run(Inbox inbox, ParsedOptions given, CommandContext context) throws IOException, UsageException {
		SenderPattern p = InboxArguments.pattern(InboxArguments.single(given, "a name, an IP address or a subnet"));
		if (list == null) {
			context.out().println(inbox.removeRule(p) ? "removed " + p + " from the lists" : p + " was on no list");
			return 0;
		}
		SpamRule rule;
		try {
			rule = new SpamRule(list, p);
		} catch (IllegalArgumentException e) {
			throw new UsageException(e.getMessage());
		}
		String verb = list.name().toLowerCase(Locale.ROOT);
		context.out().println(inbox.addRule(rule) ? verb + " " + p.kind().name().toLowerCase(Locale.ROOT) + " " + p
				: p + " is already on the " + verb + " list");
		return 0;
	}
}
