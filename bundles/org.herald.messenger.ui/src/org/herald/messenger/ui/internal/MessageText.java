/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.ui.internal;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.stream.Collectors;

import org.herald.api.MessageFlag;
import org.herald.api.ReceivedMessage;

/** How a message reads in the inbox's columns, its details pane and the pop-up. */
public final class MessageText {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
			.withZone(ZoneId.systemDefault());
	/** Characters of the text shown in the table's preview column. */
	static final int PREVIEW = 120;

	private MessageText() {
	}

	public static String time(ReceivedMessage m) {
		return TIME.format(m.received());
	}

	public static String sender(ReceivedMessage m) {
		return m.senderName() + " (" + m.senderAddress().getHostAddress() + ")";
	}

	/** The text on one line, cut to {@value #PREVIEW} characters with an ellipsis. */
	public static String preview(ReceivedMessage m) {
		String flat = m.text().replaceAll("\\s+", " ").strip();
		return flat.length() <= PREVIEW ? flat : flat.substring(0, PREVIEW - 1) + "\u2026";
	}

	public static String path(ReceivedMessage m) {
		return m.path().name().toLowerCase(Locale.ROOT);
	}

	public static String flags(ReceivedMessage m) {
		return m.flags().stream().sorted().map(f -> f.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
	}

	/** The details pane: a header and the whole text. */
	public static String details(ReceivedMessage m) {
		StringBuilder b = new StringBuilder();
		b.append("From:  ").append(sender(m)).append('\n');
		b.append("To:    ").append(m.recipientName()).append('\n');
		b.append("Time:  ").append(time(m)).append("   via ").append(path(m)).append('\n');
		if (!m.flags().isEmpty()) {
			b.append("Flags: ").append(flags(m));
			if (m.flags().contains(MessageFlag.REPAIRED)) {
				b.append("  (Herald had to repair the text as it arrived)");
			}
			b.append('\n');
		}
		return b.append('\n').append(m.text()).toString();
	}

	/** The text of a reply: the original quoted, as mail clients do. */
	public static String quoted(ReceivedMessage m) {
		return "\n\n" + m.senderName() + " wrote at " + time(m) + ":\n> " + m.text().replace("\n", "\n> ");
	}
}
