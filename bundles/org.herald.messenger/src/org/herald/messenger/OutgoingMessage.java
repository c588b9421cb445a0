/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger;

import java.util.List;

/**
 * A message to send.
 *
 * @param from       the originator name the recipients see
 * @param recipients whom it is for
 * @param text       the text; line ends go out as CRLF
 * @param path       which wire path
 */
public record OutgoingMessage(String from, List<Recipient> recipients, String text, PathChoice path) {

	public OutgoingMessage {
		recipients = List.copyOf(recipients);
		if (from.isBlank()) {
			throw new IllegalArgumentException("the originator name must not be blank");
		}
	}
}
