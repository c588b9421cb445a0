/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.inbox;

import java.util.List;

/**
 * What changed in the inbox.
 *
 * @param kind what happened
 * @param ids  the messages concerned; empty for {@link Kind#POLICY} and {@link Kind#EXTERNAL}
 */
public record InboxChange(Kind kind, List<Long> ids) {

	public enum Kind {
		/** Messages were stored. */
		ADDED,
		/** Messages were marked read or unread. */
		UPDATED,
		/** Messages were deleted. */
		DELETED,
		/** The spam policy or the counters changed. */
		POLICY,
		/** Another process changed the inbox; what exactly is unknown: reload. */
		EXTERNAL
	}

	public InboxChange {
		ids = List.copyOf(ids);
	}
}
