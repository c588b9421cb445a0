/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.browser;

import java.net.Inet4Address;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What one round of browsing a routed site through WINS found ({@link HostBrowser#browseSite}); the
 * workgroups and hosts themselves went into the model.
 *
 * @param masters  the master browsers asked for lists, in the order they were asked
 * @param problems what went wrong, in words (a master that did not answer, WINS without masters)
 * @param took     how long the round took
 */
public record SiteRound(List<Master> masters, List<String> problems, Duration took) {

	/**
	 * A master browser asked for its lists this round, and what came of it.
	 *
	 * @param workgroup  the workgroup it is master of
	 * @param foundBy    how it was found, e.g. {@code WINS *<1B> at 198.51.100.1, domain master}
	 * @param servers    how many servers its list held
	 * @param workgroups how many workgroups its workgroup list held
	 * @param problem    why its lists could not be read, if they could not
	 */
	public record Master(String workgroup, String name, Inet4Address address, String foundBy, int servers, int workgroups,
			Optional<String> problem) {
	}

	public SiteRound {
		masters = List.copyOf(masters);
		problems = List.copyOf(problems);
	}
}
