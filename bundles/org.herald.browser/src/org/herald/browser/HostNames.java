/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.browser;

import java.util.List;
import java.util.Optional;

import org.herald.api.NetbiosName;
import org.herald.netbios.wire.NodeStatusEntry;

/**
 * What a node's name table says about it, read the way nbtstat and nbtscan read it: the computer
 * name is its first unique &lt;00&gt; name, the workgroup its first group &lt;00&gt; name, the
 * logged-on user a unique &lt;03&gt; (Messenger) name other than the computer's, a file server
 * holds &lt;20&gt;, and the local master browser of a workgroup holds WG&lt;1D&gt;.
 */
public record HostNames(Optional<String> computer, Optional<String> workgroup, Optional<String> user, boolean fileServer,
		boolean masterBrowser, List<String> messengerNames) {

	public HostNames {
		messengerNames = List.copyOf(messengerNames);
	}

	public static HostNames of(List<NodeStatusEntry> names) {
		String computer = null;
		String workgroup = null;
		String user = null;
		boolean server = false;
		boolean master = false;
		List<String> messenger = new java.util.ArrayList<>();
		for (NodeStatusEntry e : names) {
			if (e.conflict() || e.deregistering()) {
				continue;
			}
			if (e.suffix() == NetbiosName.WORKSTATION && !e.group() && computer == null) {
				computer = e.name();
			} else if (e.suffix() == NetbiosName.WORKSTATION && e.group() && workgroup == null) {
				workgroup = e.name();
			} else if (e.suffix() == NetbiosName.FILE_SERVER && !e.group()) {
				server = true;
			} else if (e.suffix() == NetbiosName.LOCAL_MASTER_BROWSER && !e.group()) {
				master = true;
			}
			if (e.suffix() == NetbiosName.MESSENGER && !e.group()) {
				messenger.add(e.name());
			}
		}
		for (String m : messenger) {
			if (!m.equals(computer)) {
				user = m;
				break;
			}
		}
		return new HostNames(Optional.ofNullable(computer), Optional.ofNullable(workgroup), Optional.ofNullable(user), server, master,
				messenger);
	}
}
