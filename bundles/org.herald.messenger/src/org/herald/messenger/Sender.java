/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger;

import java.util.List;

/** Sends pop-up messages over the Messenger paths. */
@org.osgi.annotation.versioning.ProviderType
public interface Sender {

	/**
	 * Sends {@code message} to each of its recipients, several at once, and waits for all.
	 *
	 * @return one result per address tried, in the order of the recipients (a range yields one per address)
	 */
	List<Delivery> send(OutgoingMessage message) throws InterruptedException;
}
