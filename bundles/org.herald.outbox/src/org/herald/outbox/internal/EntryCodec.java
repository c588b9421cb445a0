/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.outbox.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.herald.api.BindInterface;
import org.herald.api.Identity;
import org.herald.messenger.PathChoice;
import org.herald.outbox.OutboxEntry;

/**
 * One entry as one line of the journal: tab-separated fields, each with backslash, tab, CR and LF
 * escaped, so that a line never holds a raw line end. The first field is the format: {@code 2}
 * (written now) adds urgent ({@code 1}/{@code 0}), the scheduled time and the repeat (milliseconds,
 * empty when none) to the 16 fields of {@code 1}, which is still read.
 */
final class EntryCodec {

	private static final String FORMAT = "2";
	private static final int FIELDS = 19;
	private static final String FORMAT_1 = "1";
	private static final int FIELDS_1 = 16;

	private EntryCodec() {
	}

	static String encode(OutboxEntry e) {
		Identity id = e.identity();
		List<String> f = List.of(FORMAT, Long.toString(e.id()), e.state().name(), Integer.toString(e.attempts()), e.lastError(),
				Long.toString(e.created().toEpochMilli()), Long.toString(e.nextAttempt().toEpochMilli()),
				Long.toString(e.expires().toEpochMilli()), id.name(), id.workgroup(),
				String.join(",", id.interfaces().stream().map(BindInterface::toString).toList()),
				id.wins().map(java.net.Inet4Address::getHostAddress).orElse(""), e.from(), e.target(), e.path().name(), e.text(),
				e.urgent() ? "1" : "0", e.schedule().map(s -> Long.toString(s.at().toEpochMilli())).orElse(""),
				e.schedule().flatMap(OutboxEntry.Schedule::every).map(d -> Long.toString(d.toMillis())).orElse(""));
		StringBuilder b = new StringBuilder();
		for (String s : f) {
			if (!b.isEmpty()) {
				b.append('\t');
			}
			escape(s, b);
		}
		return b.append('\n').toString();
	}

	/**
	 * @throws IllegalArgumentException if the line is not an entry of this format (a torn last line after a crash)
	 */
	static OutboxEntry decode(String line) {
		List<String> f = split(line);
		boolean old = f.size() == FIELDS_1 && FORMAT_1.equals(f.get(0));
		if (!old && (f.size() != FIELDS || !FORMAT.equals(f.get(0)))) {
			throw new IllegalArgumentException("not an outbox entry: " + f.size() + " fields");
		}
		List<BindInterface> interfaces = new ArrayList<>();
		for (String i : f.get(10).split(",")) {
			if (!i.isEmpty()) {
				interfaces.add(BindInterface.parse(i));
			}
		}
		Optional<java.net.Inet4Address> wins = f.get(11).isEmpty() ? Optional.empty() : Optional.of(BindInterface.parseIpv4(f.get(11)));
		Identity identity = new Identity(f.get(8), f.get(9), interfaces, wins);
		boolean urgent = !old && "1".equals(f.get(16));
		Optional<OutboxEntry.Schedule> schedule = old || f.get(17).isEmpty() ? Optional.empty()
				: Optional.of(new OutboxEntry.Schedule(Instant.ofEpochMilli(Long.parseLong(f.get(17))),
						f.get(18).isEmpty() ? Optional.empty() : Optional.of(java.time.Duration.ofMillis(Long.parseLong(f.get(18))))));
		return new OutboxEntry(Long.parseLong(f.get(1)), OutboxEntry.State.valueOf(f.get(2)), Integer.parseInt(f.get(3)), f.get(4),
				Instant.ofEpochMilli(Long.parseLong(f.get(5))), Instant.ofEpochMilli(Long.parseLong(f.get(6))),
				Instant.ofEpochMilli(Long.parseLong(f.get(7))), identity, f.get(12), f.get(13), f.get(15), PathChoice.valueOf(f.get(14)), urgent,
				schedule);
	}

	private static void escape(String s, StringBuilder b) {
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			switch (c) {
			case '\\' -> b.append("\\\\");
			case '\t' -> b.append("\\t");
			case '\n' -> b.append("\\n");
			case '\r' -> b.append("\\r");
			default -> b.append(c);
			}
		}
	}

	private static List<String> split(String line) {
		List<String> fields = new ArrayList<>();
		StringBuilder b = new StringBuilder();
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (c == '\t') {
				fields.add(b.toString());
				b.setLength(0);
			} else if (c == '\\' && i + 1 < line.length()) {
				char n = line.charAt(++i);
				b.append(switch (n) {
				case 't' -> '\t';
				case 'n' -> '\n';
				case 'r' -> '\r';
				default -> n;
				});
			} else {
				b.append(c);
			}
		}
		fields.add(b.toString());
		return fields;
	}
}
