/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.peer;

import java.time.Instant;

/** The key pinned for a peer's NetBIOS name: when it was first and last seen, and whether an administrator verified it. */
public record Pin(String name, PeerKey key, Instant firstSeen, Instant lastSeen, boolean verified) {

	public Pin {
		name = PeerPrologue.canonical(name);
		if (name.startsWith("#")) {
			// The pin file's comments start with '#'.
			throw new IllegalArgumentException("a pinned NetBIOS name cannot start with '#': " + name);
		}
		if (key == null || firstSeen == null || lastSeen == null) {
			throw new IllegalArgumentException("a pin has a key, a first and a last time seen");
		}
	}

	public Fingerprint fingerprint() {
		return key.fingerprint();
	}
}
