/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.api;

import java.io.IOException;
import java.net.Inet4Address;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Herald's network identity and where it binds: the settings every capability runs with.
 *
 * @param name       this host's NetBIOS name (without suffix)
 * @param workgroup  the workgroup
 * @param interfaces the interfaces to bind to; Herald never binds or broadcasts elsewhere
 * @param wins       the WINS server, if any; with one Herald is an H-node, without a B-node
 */
public record Identity(String name, String workgroup, List<BindInterface> interfaces, Optional<Inet4Address> wins) {

	public Identity {
		String problem = NetbiosName.problemWith(name.transform(NetbiosName::upperAscii));
		if (problem != null) {
			throw new IllegalArgumentException("name: " + problem);
		}
		problem = NetbiosName.problemWith(workgroup.transform(NetbiosName::upperAscii));
		if (problem != null) {
			throw new IllegalArgumentException("workgroup: " + problem);
		}
		name = name.transform(NetbiosName::upperAscii);
		workgroup = workgroup.transform(NetbiosName::upperAscii);
		interfaces = List.copyOf(interfaces);
	}

	public NetbiosName workstationName() {
		return new NetbiosName(name, NetbiosName.WORKSTATION);
	}

	public NetbiosName messengerName() {
		return new NetbiosName(name, NetbiosName.MESSENGER);
	}

	public NetbiosName workgroupName() {
		return new NetbiosName(workgroup, NetbiosName.WORKSTATION);
	}

	/**
	 * The configured interface that reaches {@code host}: the one on its subnet, or else the first
	 * (the host is reached by routing). The one place every sender chooses where to send from.
	 *
	 * @throws IllegalStateException if no interface is configured
	 */
	public BindInterface interfaceFor(Inet4Address host) {
		for (BindInterface i : configuredInterfaces()) {
			if (i.contains(host)) {
				return i;
			}
		}
		return interfaces.get(0);
	}

	/**
	 * For a one-shot unicast exchange with {@code targets} (a name query at a host, a node status,
	 * a scan): this identity if interfaces are configured, else one whose interfaces are the local
	 * addresses the routing table uses for the targets ({@link Routes#to}). Broadcasts and
	 * listeners never take this way: they bind only where they are told.
	 *
	 * @throws IOException if a target has no route
	 */
	public Identity orRoutedTo(Collection<Inet4Address> targets) throws IOException {
		if (!interfaces.isEmpty()) {
			return this;
		}
		return new Identity(name, workgroup, Routes.to(targets), wins);
	}

	/**
	 * The configured interface whose subnet broadcast address is {@code broadcast}.
	 *
	 * @throws IllegalArgumentException if it is no configured interface's broadcast address
	 */
	public BindInterface interfaceForBroadcast(Inet4Address broadcast) {
		for (BindInterface i : configuredInterfaces()) {
			if (i.broadcast().equals(broadcast)) {
				return i;
			}
		}
		throw new IllegalArgumentException(broadcast.getHostAddress() + " is not the broadcast address of a configured interface " + interfaces);
	}

	private List<BindInterface> configuredInterfaces() {
		if (interfaces.isEmpty()) {
			throw new IllegalStateException("no interfaces configured: Herald binds only to configured interfaces");
		}
		return interfaces;
	}
}
