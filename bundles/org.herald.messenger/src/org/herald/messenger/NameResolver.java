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

	/**
	 * The messenger name (a unique NAME&lt;03&gt;) that {@code host} holds, as its node status says;
	 * empty if it holds none or does not answer. A mailslot message to a bare address goes to it.
	 */
	default java.util.Optional<NetbiosName> messengerNameOf(java.net.Inet4Address host) throws IOException {
		return java.util.Optional.empty();
	}

	/**
	 * The workgroup {@code host} belongs to, as its node status says (the group name WG&lt;00&gt;);
	 * empty if it does not answer. Asked only when a code page rule for a workgroup could apply.
	 */
	default java.util.Optional<String> workgroupOf(java.net.Inet4Address host) throws IOException {
		return java.util.Optional.empty();
	}
}
