/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.inbox;

/**
 * One entry of the spam policy's lists.
 *
 * @param list    which list
 * @param pattern whom it is about
 */
public record SpamRule(RuleList list, SenderPattern pattern) {

	/** The lists of the spam policy. */
	public enum RuleList {
		/** Messages from these senders are blocked: counted, and stored only if the policy says so. */
		BLOCK,
		/** These senders are never blocked nor quarantined (the flood limit still applies). */
		ALLOW,
		/** Subnets trusted like the local ones: their senders are not quarantined. */
		TRUST
	}

	public SpamRule {
		if (list == RuleList.TRUST && pattern.kind() == SenderPattern.Kind.NAME) {
			throw new IllegalArgumentException("a trusted network must be an address or a subnet, not a name: " + pattern);
		}
	}
}
