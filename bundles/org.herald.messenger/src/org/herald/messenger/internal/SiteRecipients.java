/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.herald.api.Identity;
import org.herald.api.NetbiosName;
import org.herald.api.WorkgroupDirectory;
import org.herald.messenger.Recipient;

/**
 * {@code --domain=WG} beyond the router: an H-node adds each member that the workgroup's master
 * browsers list (through WINS, {@link WorkgroupDirectory}) as a recipient by name, so each gets
 * its own confirmed delivery line; the mailslot broadcast to WG&lt;03&gt; on our own subnets stays.
 */
final class SiteRecipients {

	private SiteRecipients() {
	}

	static List<Recipient> expand(List<Recipient> recipients, WorkgroupDirectory directory, Identity identity, PrintStream err) {
		if (directory == null || identity.wins().isEmpty()) {
			return recipients;
		}
		Set<Recipient> out = new LinkedHashSet<>(recipients);
		for (Recipient r : recipients) {
			if (!(r instanceof Recipient.Workgroup w)) {
				continue;
			}
			try {
				List<String> members = directory.members(identity, w.workgroup());
				List<String> added = new ArrayList<>();
				for (String m : members) {
					if (!m.equalsIgnoreCase(identity.name()) && out.add(new Recipient.Name(new NetbiosName(m, NetbiosName.MESSENGER)))) {
						added.add(m);
					}
				}
				err.println("send: " + w.workgroup() + " on the site (master browsers through WINS " + identity.wins().get().getHostAddress()
						+ "): " + (added.isEmpty() ? "no other member" : String.join(", ", added)));
			} catch (IOException | RuntimeException e) {
				err.println("send: " + w.workgroup() + " beyond our subnets: " + e.getMessage() + "; only the broadcast on our own subnets");
			}
		}
		return List.copyOf(out);
	}
}
