/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger;

/** The running Messenger receivers (session and mailslot paths), as a service. */
public interface MessengerReceiver {

	/** The counters since the receivers started. */
	ReceiverStats stats();
}
