/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.api;

/** The wire path a pop-up message travelled. */
public enum MessagePath {
	/** NetBIOS session service (TCP 139) or direct hosting (TCP 445), SMB commands 0xD0 or 0xD5/0xD7/0xD6. */
	SESSION,
	/** A datagram (UDP 138) mailslot write to \\MAILSLOT\\MESSNGR, as WinPopup sends it. */
	MAILSLOT
}
