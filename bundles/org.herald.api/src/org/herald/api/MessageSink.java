/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.api;

import java.io.IOException;
import java.util.Optional;

/**
 * Where receivers hand the messages that arrive. A receiver acknowledges a message to its sender
 * only after {@link #accept} returned: the outcome is then durable.
 */
@FunctionalInterface
public interface MessageSink {

	/**
	 * Takes a message that arrived, applies the spam policy and commits the outcome.
	 *
	 * @return the stored message (its flags say whether it was quarantined or blocked), or empty if
	 *         the policy dropped it (it was then only counted, durably)
	 * @throws IOException if it could not be stored; the receiver must then not acknowledge it
	 */
	Optional<StoredMessage> accept(ReceivedMessage message) throws IOException;
}
