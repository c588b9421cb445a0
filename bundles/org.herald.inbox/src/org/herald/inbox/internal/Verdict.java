/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.inbox.internal;

/** What the spam defence does with one arriving message. */
enum Verdict {
	/** Store it as an ordinary message. */
	STORE,
	/** Store it with the QUARANTINED flag: the sender is outside the local and trusted subnets. */
	QUARANTINE,
	/** The sender is on the block list: count it; store it with BLOCKED if the policy says so, else refuse it. */
	BLOCK,
	/** Its source address is over the flood limit: count it, refuse it (the sender is told). */
	REFUSE_FLOOD
}
