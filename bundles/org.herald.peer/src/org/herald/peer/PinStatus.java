/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.peer;

/** What {@link PeerPins#check} found for a name and the key it presented. */
public enum PinStatus {
	/** The name had no pin: this key is pinned for it now (trust on first use). */
	NEW,
	/** The key is the pinned one. */
	MATCH,
	/**
	 * The key differs from the pinned one: an impostor, or a reinstalled peer. Say so loudly and
	 * do not treat the session as that peer; the pin stays until an administrator forgets it.
	 */
	CHANGED
}
