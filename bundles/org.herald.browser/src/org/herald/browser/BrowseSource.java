/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.browser;

/** Where the browser learnt something about a host or workgroup. */
public enum BrowseSource {
	/** A HostAnnouncement, LocalMasterAnnouncement or DomainAnnouncement heard on UDP 138. */
	ANNOUNCEMENT,
	/** A NetServerEnum2 server or workgroup list from a master browser. */
	SERVER_LIST,
	/** A node status answer (range scan, or a check of a known host). */
	SCAN,
	/** A WINS server's answer to a name query. */
	WINS
}
