/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.inbox;

/**
 * What the spam defence did with arriving messages, since the inbox was created. Durable: a counter is
 * committed together with the outcome it counts.
 *
 * @param stored         stored as ordinary messages
 * @param quarantined    stored with the QUARANTINED flag
 * @param blocked        from a blocked sender (stored with BLOCKED only if the policy said so)
 * @param droppedByFlood refused because their source address was over the flood limit (the sender was told)
 */
public record SpamCounters(long stored, long quarantined, long blocked, long droppedByFlood) {

	public long total() {
		return stored + quarantined + blocked + droppedByFlood;
	}
}
