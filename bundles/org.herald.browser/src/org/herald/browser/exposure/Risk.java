/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.browser.exposure;

/** How bad a host's exposure is. */
public enum Risk {
	/** Nothing answered. */
	NONE,
	/** Something may listen (UDP 138 not refused) but gave nothing away. */
	LOW,
	/** It gives away names, users or its MAC, or offers file sharing, to whoever asks. */
	MEDIUM,
	/** Anyone who reaches it can pop up messages on it (a Messenger name on an open session port), or its RPC is open. */
	HIGH
}
