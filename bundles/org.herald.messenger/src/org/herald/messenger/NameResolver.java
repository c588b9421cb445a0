/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger;

import java.io.IOException;
import java.net.Inet4Address;
import java.util.List;

import org.herald.api.NetbiosName;

/** Finds the addresses of a NetBIOS name (the name service's query, e.g. NAME&lt;03&gt;). */
@FunctionalInterface
public interface NameResolver {

	/** The addresses holding {@code name}; empty if nobody answered. */
	List<Inet4Address> resolve(NetbiosName name) throws IOException, InterruptedException;
}
