/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.api;

/** Marks on a stored message. */
public enum MessageFlag {
	/** Herald had to repair the text (charset fallback, truncation, stray bytes); the original was not clean. */
	REPAIRED,
	/** Held back for review: the sender is outside the configured subnets. It does not pop up. */
	QUARANTINED,
	/** The sender is on the block list or over its flood limit. It does not pop up. */
	BLOCKED,
	/** The message came encrypted from a Herald peer and was decrypted. */
	ENCRYPTED,
	/** The sender marked it urgent (Herald peers only): its pop-up stays on top. */
	URGENT
}
