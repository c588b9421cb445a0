/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.inbox;

import java.util.List;
import java.util.OptionalLong;

import org.herald.api.StoredMessage;

/**
 * One page of a listing, newest first.
 *
 * @param messages the messages
 * @param next     the cursor for the following (older) page, for {@link InboxQuery#withBefore}; empty
 *                 on the last page
 */
public record InboxPage(List<StoredMessage> messages, OptionalLong next) {

	public InboxPage {
		messages = List.copyOf(messages);
	}
}
