/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.internal;

import java.io.IOException;
import java.net.Inet4Address;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.herald.api.BindInterface;
import org.herald.api.Identity;
import org.herald.api.NetbiosName;
import org.herald.messenger.NameResolver;
import org.herald.netbios.NameRecord;
import org.herald.netbios.NameService;
import org.herald.netbios.QueryTarget;

/**
 * Resolves names with the name service as an H-node or B-node would: the WINS server first if one
 * is configured, then a broadcast query on each configured interface's subnet.
 */
/**
 * Resolves NAME&lt;03&gt; through the name service speaking as one identity: WINS first when one is
 * configured, then a broadcast on each interface. Close it after the send: it holds the client's sockets.
 */
public final class NameServiceResolver implements NameResolver, AutoCloseable {

	private final NameService names;
	private final Identity identity;

	public NameServiceResolver(NameService names, Identity identity) {
		this.names = names.as(identity);
		this.identity = identity;
	}

	@Override
	public void close() {
		if (names instanceof AutoCloseable c) {
			try {
				c.close();
			} catch (Exception e) {
				// closing sockets: nothing left to do
			}
		}
	}

	@Override
	public java.util.Optional<NetbiosName> messengerNameOf(Inet4Address host) throws IOException {
		return names.nodeStatus(host).flatMap(status -> status.names().stream()
				.filter(e -> e.suffix() == NetbiosName.MESSENGER && !e.group()).findFirst()
				.map(e -> new NetbiosName(e.name(), NetbiosName.MESSENGER)));
	}

	@Override
	public java.util.Optional<String> workgroupOf(Inet4Address host) throws IOException {
		return names.nodeStatus(host).flatMap(PeerWorkgroups::workgroupIn);
	}

	@Override
	public List<Inet4Address> resolve(NetbiosName name) throws IOException {
		Set<Inet4Address> found = new LinkedHashSet<>();
		if (identity.wins().isPresent()) {
			for (NameRecord r : names.query(name, new QueryTarget.Wins(identity.wins().get()))) {
				found.add(r.address());
			}
			if (!found.isEmpty()) {
				return List.copyOf(found);
			}
		}
		for (BindInterface i : identity.interfaces()) {
			for (NameRecord r : names.query(name, new QueryTarget.Broadcast(i.broadcast()))) {
				found.add(r.address());
			}
		}
		return List.copyOf(found);
	}
}
