/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.browser;

import java.net.Inet4Address;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A workgroup (or domain) as the browser knows it.
 *
 * @param name          the workgroup name
 * @param masterBrowser its local master browser's name, if known
 * @param masterAddress its local master browser's address, if known
 * @param lastSeen      when any source last reported it
 * @param seenBy        when each source last reported it
 * @param stale         true once no source reported it for the model's maximum age
 */
public record Workgroup(String name, Optional<String> masterBrowser, Optional<Inet4Address> masterAddress, Instant lastSeen,
		Map<BrowseSource, Instant> seenBy, boolean stale) {

	public Workgroup {
		seenBy = Map.copyOf(seenBy);
	}
}
