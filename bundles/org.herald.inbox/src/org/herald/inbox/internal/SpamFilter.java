/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.inbox.internal;

import java.net.InetAddress;
import java.util.List;

import org.herald.api.BindInterface;
import org.herald.api.ReceivedMessage;
import org.herald.inbox.SenderPattern;
import org.herald.inbox.SpamPolicy;
import org.herald.inbox.SpamRule;
import org.herald.inbox.SpamRule.RuleList;

/**
 * Decides what happens to an arriving message, in this order: a sender on the allow list is never
 * blocked nor quarantined; one on the block list is blocked; then the flood limit applies to every
 * source address; then senders outside the local subnets (the identity's interfaces) and the trusted
 * ones are quarantined, if the policy quarantines outsiders.
 */
final class SpamFilter {

	private final FloodLimiter flood = new FloodLimiter();

	Verdict decide(ReceivedMessage m, SpamPolicy policy, List<BindInterface> localSubnets) {
		boolean allowed = matchesAny(policy.rules(RuleList.ALLOW), m);
		if (!allowed && matchesAny(policy.rules(RuleList.BLOCK), m)) {
			return Verdict.BLOCK;
		}
		var settings = policy.settings();
		if (!flood.admit(m.senderAddress(), m.received(), settings.floodLimit(), settings.floodWindow())) {
			return Verdict.REFUSE_FLOOD;
		}
		if (!allowed && settings.quarantineOutsiders() && !inside(m.senderAddress(), localSubnets, policy.rules(RuleList.TRUST))) {
			return Verdict.QUARANTINE;
		}
		return Verdict.STORE;
	}

	private static boolean matchesAny(List<SpamRule> rules, ReceivedMessage m) {
		for (SpamRule r : rules) {
			if (r.pattern().matches(m.senderName(), m.senderAddress())) {
				return true;
			}
		}
		return false;
	}

	private static boolean inside(InetAddress a, List<BindInterface> local, List<SpamRule> trusted) {
		for (BindInterface i : local) {
			if (i.contains(a)) {
				return true;
			}
		}
		for (SpamRule r : trusted) {
			SenderPattern p = r.pattern();
			if (p.matches("", a)) {
				return true;
			}
		}
		return false;
	}
}
