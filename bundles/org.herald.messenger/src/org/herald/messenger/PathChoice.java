/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger;

/** Which wire path a sender uses. */
public enum PathChoice {
	/** The session path; for a name whose host does not take sessions, the mailslot path after it. */
	AUTO,
	/** Only the session path (TCP 139 with a session request, then 445). */
	SESSION,
	/** Only the mailslot path (a datagram to UDP 138, unconfirmed). */
	MAILSLOT
}
