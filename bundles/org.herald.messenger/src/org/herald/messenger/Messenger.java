/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger;

import org.herald.api.Identity;

/**
 * Herald's messenger as a service: what the workbench and the CLI send with. Needs no
 * configuration; the identity (name, interfaces, WINS) is given per use.
 */
public interface Messenger {

	/**
	 * A sender that speaks as {@code identity}, resolves names through the name service (WINS first
	 * when one is configured, then broadcast on the interfaces) and binds its sockets to the
	 * identity's interfaces only.
	 *
	 * @throws IllegalArgumentException if the identity has no interfaces
	 */
	Sender sender(Identity identity);

	/** The largest text, in bytes of its encoding, that the session path carries in one message. */
	int maxSessionText();
}
