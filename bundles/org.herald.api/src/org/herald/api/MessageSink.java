/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.api;

import java.io.IOException;

/**
 * Where receivers hand the messages that arrive. A receiver acknowledges a message to its sender
 * only after {@link #accept} returned {@link Acceptance.Stored}: the message is then durable. A
 * {@link Acceptance.Refused} message is answered with an error, never with success.
 */
@FunctionalInterface
public interface MessageSink {

	/**
	 * Takes a message that arrived, applies the spam policy and commits the outcome.
	 *
	 * @return {@link Acceptance.Stored} with the stored message (its flags say whether it was
	 *         quarantined or blocked), or {@link Acceptance.Refused} if the policy turned it away (it
	 *         was then only counted, durably)
	 * @throws IOException if it could not be stored; the receiver must then not acknowledge it
	 */
	Acceptance accept(ReceivedMessage message) throws IOException;
}
