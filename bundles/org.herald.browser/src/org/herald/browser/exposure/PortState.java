/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.browser.exposure;

/** What a probe found out about a port. */
public enum PortState {
	/** It answered: a TCP connection was accepted, or a UDP query got an answer. */
	OPEN,
	/** The host refused: TCP reset, or an ICMP port unreachable for UDP. */
	CLOSED,
	/** No answer at all: dropped by a firewall, or the host is down. */
	FILTERED,
	/**
	 * UDP 138 only: no ICMP port unreachable came back, so something may be listening, but nothing
	 * answered (the datagram service answers only a few requests: see {@link ExposureChecker}).
	 */
	OPEN_OR_FILTERED;

	/** Whether the port may be reachable from where the probe ran. */
	public boolean reachable() {
		return this == OPEN || this == OPEN_OR_FILTERED;
	}
}
