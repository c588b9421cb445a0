/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The local address the operating system's routing table chooses for a destination, for one-shot
 * unicast exchanges when no interface is configured (as nmblookup and nbtscan do). Connecting a UDP
 * socket only selects the route and its source address: no packet is sent.
 */
public final class Routes {

	/** The port the probing socket connects to; nothing is sent there. */
	private static final int DISCARD = 9;

	private Routes() {
	}

	/**
	 * The local interface the routing table uses to reach {@code target}: its source address, with
	 * the prefix length that address has on its network interface (32 if the system does not say).
	 *
	 * @throws IOException if there is no route to {@code target}
	 */
	public static BindInterface to(Inet4Address target) throws IOException {
		Inet4Address local;
		try (DatagramSocket probe = new DatagramSocket(null)) {
			probe.connect(new InetSocketAddress(target, DISCARD));
			if (!(probe.getLocalAddress() instanceof Inet4Address a) || a.isAnyLocalAddress()) {
				throw new IOException("no route to " + target.getHostAddress());
			}
			local = a;
		} catch (SocketException | UncheckedIOException e) {
			throw new IOException("no route to " + target.getHostAddress() + ": " + e.getMessage(), e);
		}
		return new BindInterface(local, prefixOf(local));
	}

	/**
	 * The distinct routes to {@code targets}, in the order first met. Targets are grouped by /24 and
	 * only the first of each group is looked up, so a large range costs few look-ups.
	 *
	 * @throws IOException if a target has no route
	 */
	public static List<BindInterface> to(Collection<Inet4Address> targets) throws IOException {
		Set<BindInterface> routes = new LinkedHashSet<>();
		Set<Integer> seen = new HashSet<>();
		for (Inet4Address t : targets) {
			if (seen.add(BindInterface.toInt(t) >>> 8)) {
				routes.add(to(t));
			}
		}
		if (routes.isEmpty()) {
			throw new IllegalArgumentException("no target to route to");
		}
		return new ArrayList<>(routes);
	}

	private static int prefixOf(Inet4Address local) throws SocketException {
		NetworkInterface nic = NetworkInterface.getByInetAddress(local);
		if (nic != null) {
			for (InterfaceAddress a : nic.getInterfaceAddresses()) {
				InetAddress address = a.getAddress();
				if (local.equals(address) && a.getNetworkPrefixLength() >= 0 && a.getNetworkPrefixLength() <= 32) {
					return a.getNetworkPrefixLength();
				}
			}
		}
		return 32;
	}

	/** How a command says which route it took: {@code via 127.0.0.1/8 (the route to 127.0.0.5)}. */
	public static String describe(Identity routed, Collection<Inet4Address> targets) {
		StringBuilder sb = new StringBuilder("via ");
		List<BindInterface> ifaces = routed.interfaces();
		for (int i = 0; i < ifaces.size(); i++) {
			sb.append(i == 0 ? "" : ", ").append(ifaces.get(i));
		}
		Inet4Address first = targets.iterator().next();
		sb.append(" (no interfaces configured: the routing table's choice for ").append(first.getHostAddress());
		return sb.append(targets.size() > 1 ? " and the others)" : ")").toString();
	}
}
