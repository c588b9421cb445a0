/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.inbox;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import org.herald.api.MessageFlag;

/**
 * What to list or search. All criteria are combined with AND; absent ones do not filter.
 *
 * @param words         words that must all occur in the text (word search, case-insensitive)
 * @param sender        a sender name (case-insensitive) or a sender IP address
 * @param since         received at or after
 * @param until         received before
 * @param withFlags     flags that must all be set
 * @param withoutFlags  flags that must all be clear
 * @param read          read state to match
 * @param before        keyset cursor: only messages with a smaller id (from {@link InboxPage#next()})
 * @param limit         page size, 1 to {@link #MAX_LIMIT}
 */
public record InboxQuery(Optional<String> words, Optional<String> sender, Optional<Instant> since, Optional<Instant> until,
		Set<MessageFlag> withFlags, Set<MessageFlag> withoutFlags, ReadFilter read, OptionalLong before, int limit) {

	public static final int DEFAULT_LIMIT = 50;
	public static final int MAX_LIMIT = 10_000;

	/** Which read state to match. */
	public enum ReadFilter {
		ANY, UNREAD, READ
	}

	public InboxQuery {
		withFlags = withFlags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(withFlags));
		withoutFlags = withoutFlags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(withoutFlags));
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + ": " + limit);
		}
		words = words.map(String::strip).filter(w -> !w.isEmpty());
		sender = sender.map(String::strip).filter(s -> !s.isEmpty());
	}

	/** Everything, newest first, {@value #DEFAULT_LIMIT} a page. */
	public static InboxQuery all() {
		return new InboxQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Set.of(), Set.of(),
				ReadFilter.ANY, OptionalLong.empty(), DEFAULT_LIMIT);
	}

	public InboxQuery withWords(String text) {
		return new InboxQuery(Optional.ofNullable(text), sender, since, until, withFlags, withoutFlags, read, before, limit);
	}

	public InboxQuery withSender(String nameOrAddress) {
		return new InboxQuery(words, Optional.ofNullable(nameOrAddress), since, until, withFlags, withoutFlags, read, before, limit);
	}

	public InboxQuery withSince(Instant from) {
		return new InboxQuery(words, sender, Optional.ofNullable(from), until, withFlags, withoutFlags, read, before, limit);
	}

	public InboxQuery withUntil(Instant to) {
		return new InboxQuery(words, sender, since, Optional.ofNullable(to), withFlags, withoutFlags, read, before, limit);
	}

	public InboxQuery withFlags(Set<MessageFlag> flags) {
		return new InboxQuery(words, sender, since, until, flags, withoutFlags, read, before, limit);
	}

	public InboxQuery withoutFlags(Set<MessageFlag> flags) {
		return new InboxQuery(words, sender, since, until, withFlags, flags, read, before, limit);
	}

	public InboxQuery withRead(ReadFilter filter) {
		return new InboxQuery(words, sender, since, until, withFlags, withoutFlags, filter, before, limit);
	}

	public InboxQuery withBefore(long id) {
		return new InboxQuery(words, sender, since, until, withFlags, withoutFlags, read, OptionalLong.of(id), limit);
	}

	public InboxQuery withFirstPage() {
		return new InboxQuery(words, sender, since, until, withFlags, withoutFlags, read, OptionalLong.empty(), limit);
	}

	public InboxQuery withLimit(int pageSize) {
		return new InboxQuery(words, sender, since, until, withFlags, withoutFlags, read, before, pageSize);
	}

	@Override
	public String toString() {
		StringBuilder b = new StringBuilder("InboxQuery[");
		words.ifPresent(w -> b.append(" words=").append(w));
		sender.ifPresent(s -> b.append(" sender=").append(s));
		since.ifPresent(s -> b.append(" since=").append(s));
		until.ifPresent(u -> b.append(" until=").append(u));
		if (!withFlags.isEmpty()) {
			b.append(" with=").append(withFlags);
		}
		if (!withoutFlags.isEmpty()) {
			b.append(" without=").append(withoutFlags);
		}
		if (read != ReadFilter.ANY) {
			b.append(' ').append(read.name().toLowerCase(Locale.ROOT));
		}
		before.ifPresent(id -> b.append(" before=").append(id));
		return b.append(" limit=").append(limit).append(" ]").toString();
	}
}
