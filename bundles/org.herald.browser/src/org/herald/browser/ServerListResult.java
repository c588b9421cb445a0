/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.browser;

import java.util.List;
import java.util.Optional;

import org.herald.browser.wire.ServerInfo1;

/**
 * What a master browser's lists gave.
 *
 * @param master     the master browser asked, if one was found
 * @param servers    its server list for the workgroup
 * @param workgroups its workgroup list (each entry's comment is that workgroup's master)
 * @param problem    why no list came, if none did
 */
public record ServerListResult(Optional<MasterBrowser> master, List<ServerInfo1> servers, List<ServerInfo1> workgroups,
		Optional<String> problem) {

	public ServerListResult {
		servers = List.copyOf(servers);
		workgroups = List.copyOf(workgroups);
	}
}
