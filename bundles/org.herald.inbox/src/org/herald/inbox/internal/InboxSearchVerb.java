/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.inbox.internal;

import java.io.IOException;
import java.util.List;

import org.herald.api.cli.CommandContext;
import org.herald.api.cli.Options;
import org.herald.api.cli.ParsedOptions;
import org.herald.api.cli.UsageException;
import org.herald.inbox.Inbox;
import org.herald.inbox.InboxQuery;

/** {@code herald inbox search}: messages by words, sender and time, newest first. */
final class InboxSearchVerb implements InboxVerb {

	private final InboxListing listing;

	InboxSearchVerb(InboxListing listing) {
		this.listing = listing;
	}

	@Override
	public String operands() {
		return "WORDS...";
	}

	@Override
	public Options options() {
		return InboxArguments.paging(new Options().value("--from", "SENDER", "sent by SENDER (a name or an address)")
				.value("--since", "TIME", "received at TIME or later").value("--until", "TIME", "received before TIME"))
				.flag("--json", "print JSON");
	}

	@Override
	public int run(Inbox inbox, ParsedOptions given, CommandContext context) throws IOException, UsageException {
		InboxQuery q = InboxQuery.all();
		String from = given.string("--from").orElse(null);
		if (from != null) {
			q = q.withSender(from);
		}
		String since = given.string("--since").orElse(null);
		if (since != null) {
			q = q.withSince(InboxArguments.time(since));
		}
		String until = given.string("--until").orElse(null);
		if (until != null) {
			q = q.withUntil(InboxArguments.time(until));
		}
		q = InboxArguments.page(q, given);
		List<String> words = given.operands();
		if (words.isEmpty() && from == null && since == null && until == null) {
			throw new UsageException("search for what? give words, --from, --since or --until");
		}
		if (!words.isEmpty()) {
			q = q.withWords(String.join(" ", words));
		}
		try {
			return listing.list(inbox, given.has("--json"), context.out(), q);
		} catch (IllegalArgumentException e) {
			throw new UsageException(e.getMessage());
		}
	}
}
