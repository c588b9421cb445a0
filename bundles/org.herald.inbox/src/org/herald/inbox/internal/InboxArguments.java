/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.inbox.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.herald.api.cli.Options;
import org.herald.api.cli.ParsedOptions;
import org.herald.api.cli.UsageException;
import org.herald.inbox.InboxQuery;
import org.herald.inbox.SenderPattern;

/** What the inbox verbs read from their arguments: numbers, times, senders, on/off, pages. */
final class InboxArguments {

	private InboxArguments() {
	}

	/** {@code --limit N --before ID}, the paging options of list and search. */
	static Options paging(Options o) {
		return o.value("--limit", "N", "at most N messages, 1 to " + InboxQuery.MAX_LIMIT).value("--before", "ID",
				"the page before message ID (the next page of a listing)");
	}

	static InboxQuery page(InboxQuery q, ParsedOptions given) throws UsageException {
		if (given.has("--limit")) {
			long n = number(given.string("--limit").orElseThrow(), "--limit");
			if (n < 1 || n > InboxQuery.MAX_LIMIT) {
				throw new UsageException("--limit must be 1 to " + InboxQuery.MAX_LIMIT);
			}
			q = q.withLimit((int) n);
		}
		if (given.has("--before")) {
			q = q.withBefore(number(given.string("--before").orElseThrow(), "--before"));
		}
		return q;
	}

	static long number(String text, String what) throws UsageException {
		try {
			long v = Long.parseLong(text);
			if (v >= 0) {
				return v;
			}
		} catch (NumberFormatException e) {
			// below
		}
		throw new UsageException(what + " must be a number, not '" + text + "'");
	}

	static String single(ParsedOptions given, String what) throws UsageException {
		List<String> rest = given.operands();
		if (rest.size() != 1) {
			throw new UsageException("give exactly one argument: " + what);
		}
		return rest.get(0);
	}

	static boolean onOff(String v) throws UsageException {
		return switch (v) {
		case "on" -> true;
		case "off" -> false;
		default -> throw new UsageException("expected on or off, not '" + v + "'");
		};
	}

	static SenderPattern pattern(String text) throws UsageException {
		try {
			return SenderPattern.parse(text);
		} catch (IllegalArgumentException e) {
			throw new UsageException(e.getMessage());
		}
	}

	static Instant time(String text) throws UsageException {
		try {
			if (text.endsWith("Z") || text.matches(".*[+-]\\d\\d:\\d\\d$")) {
				return OffsetDateTime.parse(text).toInstant();
			}
			if (text.contains("T")) {
				return LocalDateTime.parse(text).atZone(ZoneId.systemDefault()).toInstant();
			}
			return LocalDate.parse(text).atStartOfDay(ZoneId.systemDefault()).toInstant();
		} catch (DateTimeParseException e) {
			throw new UsageException("not a time: '" + text + "' (try 2026-01-05T09:00:00Z, 2026-01-05T10:00 or 2026-01-05)");
		}
	}
}
