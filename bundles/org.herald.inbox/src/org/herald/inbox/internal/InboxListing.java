/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.inbox.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.herald.api.MessageFlag;
import org.herald.api.StoredMessage;
import org.herald.inbox.Inbox;
import org.herald.inbox.InboxPage;
import org.herald.inbox.InboxQuery;

/** How {@code herald inbox} prints messages: a page as a table or JSON, one message whole. */
final class InboxListing {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

	private final ZoneId zone;

	/** @param zone the zone received times are shown in */
	InboxListing(ZoneId zone) {
		this.zone = zone;
	}

	int list(Inbox inbox, boolean json, PrintStream out, InboxQuery q) throws IOException {
		InboxPage page = inbox.page(q);
		if (json) {
			out.println("{\"messages\": [");
			for (int i = 0; i < page.messages().size(); i++) {
				out.print(Exporter.json(page.messages().get(i)));
				out.println(i + 1 < page.messages().size() ? "," : "");
			}
			out.println("], \"next\": " + (page.next().isPresent() ? page.next().getAsLong() : "null") + "}");
			return 0;
		}
		if (page.messages().isEmpty()) {
			out.println("no messages");
			return 0;
		}
		out.printf("  %8s  %-19s  %-15s  %-15s  %-5s  %s%n", "ID", "RECEIVED", "FROM", "ADDRESS", "FLAGS", "TEXT");
		for (StoredMessage m : page.messages()) {
			var r = m.message();
			out.printf("%s %8d  %-19s  %-15s  %-15s  %-5s  %s%n", m.read() ? " " : "*", m.id(), TIME.format(r.received().atZone(zone)),
					clip(r.senderName(), 15), r.senderAddress().getHostAddress(), letters(m), clip(r.text().replace('\n', ' '), 60));
		}
		if (page.next().isPresent()) {
			out.println("more: --before " + page.next().getAsLong());
		}
		return 0;
	}

	void show(StoredMessage m, boolean json, PrintStream out) {
		if (json) {
			out.println(Exporter.json(m).strip());
			return;
		}
		var r = m.message();
		out.println("Message " + m.id() + (m.flags().isEmpty() ? "" : "  [" + Exporter.flags(m) + "]"));
		out.println("From:     " + r.senderName() + " (" + r.senderAddress().getHostAddress() + ")");
		out.println("To:       " + r.recipientName());
		out.println("Received: " + TIME.format(r.received().atZone(zone)) + " via " + r.path().name().toLowerCase(Locale.ROOT));
		out.println();
		out.println(r.text());
	}

	private static String letters(StoredMessage m) {
		StringBuilder b = new StringBuilder();
		for (MessageFlag f : MessageFlag.values()) {
			if (m.flags().contains(f)) {
				b.append(switch (f) {
				case REPAIRED -> 'R';
				case QUARANTINED -> 'Q';
				case BLOCKED -> 'B';
				case ENCRYPTED -> 'E';
				case URGENT -> 'U';
				});
			}
		}
		return b.toString();
	}

	private static String clip(String s, int max) {
		return s.length() <= max ? s : s.substring(0, max - 1) + "…";
	}
}
