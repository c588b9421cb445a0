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
 * @param urgent     marked urgent: a flag on Herald's peer channel (the receiving Herald shows it on top and
 *                   pops it up even in quiet mode); on the plain paths, which have no such flag, the text
 *                   goes out as {@link #plainText()}, prefixed {@value #URGENT_PREFIX}
 */
public record OutgoingMessage(String from, List<Recipient> recipients, String text, PathChoice path, boolean urgent) {

	/** What an urgent message's text starts with for Windows, Samba and other plain receivers. */
	public static final String URGENT_PREFIX = "URGENT: ";

	public OutgoingMessage {
		recipients = List.copyOf(recipients);
		if (from.isBlank()) {
			throw new IllegalArgumentException("the originator name must not be blank");
		}
	}

	/** A message that is not urgent. */
	public OutgoingMessage(String from, List<Recipient> recipients, String text, PathChoice path) {
		this(from, recipients, text, path, false);
	}

	/** The text as the plain paths (NET SEND, WinPopup) carry it: with {@value #URGENT_PREFIX} before it when urgent. */
	public String plainText() {
		return urgent ? URGENT_PREFIX + text : text;
	}

	/** This message for other recipients. */
	public OutgoingMessage withRecipients(List<Recipient> others) {
		return new OutgoingMessage(from, others, text, path, urgent);
	}

	/** This message with another text. */
	public OutgoingMessage withText(String other) {
		return new OutgoingMessage(from, recipients, other, path, urgent);
	}
}
