/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.browser.internal;

import java.io.IOException;
import java.time.Clock;
import java.util.List;

import org.herald.api.Identity;
import org.herald.api.NetbiosName;
import org.herald.api.WorkgroupDirectory;
import org.herald.browser.BrowseModel;
import org.herald.browser.BrowserSettings;
import org.herald.browser.Host;
import org.osgi.service.component.annotations.Component;

/** A workgroup's members on the whole site: one {@link SiteBrowse} round, the hosts listed for the workgroup. */
@Component(service = WorkgroupDirectory.class)
public final class SiteDirectory implements WorkgroupDirectory {

	@Override
	public List<String> members(Identity identity, String workgroup) throws IOException {
		String wg = NetbiosName.upperAscii(workgroup.strip());
		BrowseModel model = new BrowseModel();
		org.herald.browser.SiteRound round = new SiteBrowse(identity, BrowserSettings.defaults(), model, Clock.systemUTC()).round(List.of(wg));
		boolean listed = round.masters().stream().anyMatch(m -> m.workgroup().equals(wg) && m.problem().isEmpty());
		if (!listed) {
			throw new IOException("no master browser of " + wg + " gave its list through WINS "
					+ identity.wins().map(a -> a.getHostAddress()).orElse("-") + (round.problems().isEmpty() ? "" : ": " + round.problems()));
		}
		return model.hosts(wg).stream().filter(h -> !h.stale()).map(Host::name).toList();
	}
}
