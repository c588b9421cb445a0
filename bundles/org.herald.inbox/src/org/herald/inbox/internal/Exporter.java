/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.inbox.internal;

import java.io.IOException;
import java.io.Writer;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.stream.Collectors;

import org.herald.api.StoredMessage;
import org.herald.inbox.ExportFormat;
import org.herald.inbox.InboxPage;
import org.herald.inbox.InboxQuery;

/** Writes messages as CSV (RFC 4180) or JSON (RFC 8259), page by page, so any inbox size fits in memory. */
final class Exporter {

	static final String[] FIELDS = { "id", "received", "sender_name", "sender_address", "recipient_name", "path", "read", "flags", "text" };

	private Exporter() {
	}

	static long export(Connection c, InboxQuery query, ExportFormat format, Writer out) throws SQLException, IOException {
		InboxQuery q = query.withFirstPage().withLimit(1000);
		long n = 0;
		if (format == ExportFormat.CSV) {
			out.write(String.join(",", FIELDS));
			out.write("\r\n");
		} else {
			out.write("[");
		}
		while (true) {
			InboxPage page = MessageQuery.page(c, q);
			for (StoredMessage m : page.messages()) {
				if (format == ExportFormat.CSV) {
					out.write(csv(m));
				} else {
					out.write(n == 0 ? "\n" : ",\n");
					out.write(json(m));
				}
				n++;
			}
			if (page.next().isEmpty()) {
				break;
			}
			q = q.withBefore(page.next().getAsLong());
		}
		if (format == ExportFormat.JSON) {
			out.write(n == 0 ? "]\n" : "\n]\n");
		}
		out.flush();
		return n;
	}

	static String flags(StoredMessage m) {
		return m.flags().stream().map(f -> f.name().toLowerCase(Locale.ROOT)).sorted().collect(Collectors.joining(" "));
	}

	static String csv(StoredMessage s) {
		var m = s.message();
		String[] v = { Long.toString(s.id()), m.received().toString(), m.senderName(), m.senderAddress().getHostAddress(),
				m.recipientName(), m.path().name(), Boolean.toString(s.read()), flags(s), m.text() };
		StringBuilder b = new StringBuilder();
		for (int i = 0; i < v.length; i++) {
			if (i > 0) {
				b.append(',');
			}
			b.append(csvField(v[i]));
		}
		return b.append("\r\n").toString();
	}

	static String csvField(String v) {
		if (v.indexOf(',') < 0 && v.indexOf('"') < 0 && v.indexOf('\n') < 0 && v.indexOf('\r') < 0) {
			return v;
		}
		return '"' + v.replace("\"", "\"\"") + '"';
	}

	static String json(StoredMessage s) {
		var m = s.message();
		StringBuilder b = new StringBuilder("  {");
		b.append("\"id\": ").append(s.id());
		b.append(", \"received\": ").append(jsonString(m.received().toString()));
		b.append(", \"sender_name\": ").append(jsonString(m.senderName()));
		b.append(", \"sender_address\": ").append(jsonString(m.senderAddress().getHostAddress()));
		b.append(", \"recipient_name\": ").append(jsonString(m.recipientName()));
		b.append(", \"path\": ").append(jsonString(m.path().name()));
		b.append(", \"read\": ").append(s.read());
		b.append(", \"flags\": [");
		b.append(m.flags().stream().map(f -> jsonString(f.name().toLowerCase(Locale.ROOT))).sorted().collect(Collectors.joining(", ")));
		b.append("], \"text\": ").append(jsonString(m.text()));
		return b.append('}').toString();
	}

	static String jsonString(String v) {
		StringBuilder b = new StringBuilder(v.length() + 2).append('"');
		for (int i = 0; i < v.length(); i++) {
			char ch = v.charAt(i);
			switch (ch) {
			case '"' -> b.append("\\\"");
			case '\\' -> b.append("\\\\");
			case '\n' -> b.append("\\n");
			case '\r' -> b.append("\\r");
			case '\t' -> b.append("\\t");
			default -> {
				if (ch < 0x20) {
					b.append(String.format("\\u%04x", (int) ch));
				} else {
					b.append(ch);
				}
			}
			}
		}
		return b.append('"').toString();
	}
}
