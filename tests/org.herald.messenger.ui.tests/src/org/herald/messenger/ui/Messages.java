/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.ui;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.Set;

import org.herald.api.MessageFlag;
import org.herald.api.MessagePath;
import org.herald.api.ReceivedMessage;

/** Messages as they arrive, for the tests. */
final class Messages {

	private Messages() {
	}

	static ReceivedMessage message(String sender, String ip, String text, Instant at, MessageFlag... flags) {
		try {
			return new ReceivedMessage(sender, InetAddress.getByName(ip), "HERALD", MessagePath.SESSION, at, text,
					flags.length == 0 ? Set.of() : Set.of(flags));
		} catch (UnknownHostException e) {
			throw new IllegalArgumentException(e);
		}
	}
}
