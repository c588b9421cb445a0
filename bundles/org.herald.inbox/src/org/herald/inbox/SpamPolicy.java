/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.inbox;

import java.util.List;

/**
 * The spam policy as persisted in the inbox store.
 *
 * @param settings the settings
 * @param rules    the block, allow and trust lists
 */
public record SpamPolicy(SpamSettings settings, List<SpamRule> rules) {

	public SpamPolicy {
		rules = List.copyOf(rules);
	}

	public List<SpamRule> rules(SpamRule.RuleList list) {
		return rules.stream().filter(r -> r.list() == list).toList();
	}
}
