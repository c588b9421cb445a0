/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.browser;

import java.net.Inet4Address;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A host as the browser knows it, merged from every source.
 *
 * @param name        its NetBIOS computer name
 * @param workgroup   its workgroup, if known
 * @param addresses   its IPv4 addresses (several when multi-homed)
 * @param user        the logged-on user, from a unique &lt;03&gt; name other than the computer's
 * @param unitId      the MAC address or unit id from node status ({@code 00:00:00:00:00:00} from Samba)
 * @param serverType  the server type bits from an announcement or a server list
 * @param comment     the server comment ("" if none)
 * @param osVersion   the OS version it announced, e.g. {@code 6.1}
 * @param role        its browser role
 * @param periodicity its announcement period, if it announced
 * @param lastSeen    when any source last reported it
 * @param seenBy      when each source last reported it
 * @param stale       true once it stopped announcing for 3 periods (MS-BRWS 3.3.5) or, for hosts
 *                    that never announced, was not reported for the model's maximum age
 */
public record Host(String name, Optional<String> workgroup, List<Inet4Address> addresses, Optional<String> user, Optional<String> unitId,
		OptionalInt serverType, String comment, Optional<String> osVersion, BrowserRole role, Optional<Duration> periodicity,
		Instant lastSeen, Map<BrowseSource, Instant> seenBy, boolean stale) {

	public Host {
		addresses = List.copyOf(addresses);
		seenBy = Map.copyOf(seenBy);
	}

	public Host withStale(boolean s) {
		return new Host(name, workgroup, addresses, user, unitId, serverType, comment, osVersion, role, periodicity, lastSeen, seenBy, s);
	}
}
