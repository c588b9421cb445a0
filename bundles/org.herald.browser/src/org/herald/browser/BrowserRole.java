/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.browser;

import org.herald.browser.wire.ServerType;

/** A host's role in the browser service (MS-BRWS 1.3), from its server type bits or its names. */
public enum BrowserRole {
	NONE, POTENTIAL, BACKUP, LOCAL_MASTER, DOMAIN_MASTER;

	/** The highest role the server type bits claim. */
	public static BrowserRole of(int serverType) {
		if (ServerType.has(serverType, ServerType.DOMAIN_MASTER)) {
			return DOMAIN_MASTER;
		}
		if (ServerType.has(serverType, ServerType.MASTER_BROWSER)) {
			return LOCAL_MASTER;
		}
		if (ServerType.has(serverType, ServerType.BACKUP_BROWSER)) {
			return BACKUP;
		}
		if (ServerType.has(serverType, ServerType.POTENTIAL_BROWSER)) {
			return POTENTIAL;
		}
		return NONE;
	}

	public boolean isMaster() {
		return this == LOCAL_MASTER || this == DOMAIN_MASTER;
	}
}
