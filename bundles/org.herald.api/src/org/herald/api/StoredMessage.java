/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.api;

import java.util.Set;

/**
 * A message in the inbox store.
 *
 * @param id      the store's identifier, increasing in arrival order
 * @param message what arrived
 * @param read    whether the user has read it
 */
public record StoredMessage(long id, ReceivedMessage message, boolean read) {

	public Set<MessageFlag> flags() {
		return message.flags();
	}
}
