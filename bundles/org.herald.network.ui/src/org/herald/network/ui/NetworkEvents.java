/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.network.ui;

/** Event-broker topics of the network views. */
public final class NetworkEvents {

	/** Check the exposure of hosts; the data is a {@code List<Inet4Address>}. */
	public static final String CHECK_EXPOSURE = "org/herald/network/exposure/check";

	private NetworkEvents() {
	}
}
