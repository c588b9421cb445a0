/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.inbox;

/**
 * Told when the inbox changed, so views can refresh. Called on an inbox thread, never the UI thread:
 * marshal to the UI thread yourself, and return quickly.
 */
@FunctionalInterface
public interface InboxListener {

	void inboxChanged(InboxChange change);
}
