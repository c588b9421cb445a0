/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.browser;

import java.util.Optional;

/**
 * A change of the browse model.
 *
 * @param kind      what changed
 * @param host      the host after the change (host events)
 * @param workgroup the workgroup after the change (workgroup events)
 */
public record BrowseEvent(Kind kind, Optional<Host> host, Optional<Workgroup> workgroup) {

	public enum Kind {
		HOST_ADDED, HOST_CHANGED, HOST_STALE, HOST_REMOVED, WORKGROUP_ADDED, WORKGROUP_CHANGED, WORKGROUP_STALE, WORKGROUP_REMOVED
	}

	static BrowseEvent of(Kind kind, Host h) {
		return new BrowseEvent(kind, Optional.of(h), Optional.empty());
	}

	static BrowseEvent of(Kind kind, Workgroup w) {
		return new BrowseEvent(kind, Optional.empty(), Optional.of(w));
	}

	@Override
	public String toString() {
		return kind + " " + host.map(Host::name).orElseGet(() -> workgroup.map(Workgroup::name).orElse("?"));
	}
}
