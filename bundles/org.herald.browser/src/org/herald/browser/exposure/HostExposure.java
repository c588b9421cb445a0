/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.browser.exposure;

import java.net.Inet4Address;
import java.util.List;
import java.util.Optional;

import org.herald.browser.HostNames;

/**
 * What one host exposes to the place the check ran from.
 *
 * @param address   the host
 * @param ports     each probed port
 * @param names     its name table entries as text ({@code NAME<03>}), if UDP 137 answered
 * @param hostNames what its names say (computer, workgroup, user, Messenger names), if UDP 137 answered
 * @param mac       its MAC / unit id, if UDP 137 answered
 * @param risk      the rating
 * @param reason    why that rating
 * @param remedies  how to close what is open
 */
public record HostExposure(Inet4Address address, List<PortFinding> ports, List<String> names, Optional<HostNames> hostNames,
		Optional<String> mac, Risk risk, String reason, List<Remedy> remedies) {

	public HostExposure {
		ports = List.copyOf(ports);
		names = List.copyOf(names);
		remedies = List.copyOf(remedies);
	}

	public PortState state(Port p) {
		return ports.stream().filter(f -> f.port() == p).map(PortFinding::state).findFirst().orElse(PortState.FILTERED);
	}
}
