/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.browser;

import java.time.Duration;

/**
 * The counts of a finished scan.
 *
 * @param targets   addresses asked
 * @param sent      queries sent, retries included
 * @param answered  hosts that answered
 * @param malformed datagrams dropped as malformed or not an answer to this scan
 * @param sendErrors queries the socket refused
 * @param elapsed   from the first query to the end
 */
public record ScanSummary(int targets, long sent, int answered, long malformed, long sendErrors, Duration elapsed) {

	/** Addresses scanned per second. */
	public double hostsPerSecond() {
		double s = elapsed.toNanos() / 1e9;
		return s <= 0 ? 0 : targets / s;
	}
}
