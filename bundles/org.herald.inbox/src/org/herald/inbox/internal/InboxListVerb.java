/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.inbox.internal;

import java.io.IOException;

import org.herald.api.cli.CommandContext;
import org.herald.api.cli.Options;
import org.herald.api.cli.ParsedOptions;
import org.herald.api.cli.UsageException;
import org.herald.inbox.Inbox;
import org.herald.inbox.InboxQuery;

/** {@code herald inbox list}: a page of messages, newest first. */
final class InboxListVerb implements InboxVerb {

	private final InboxListing listing;

	InboxListVerb(InboxListing listing) {
		this.listing = listing;
	}

	@Override
	public String operands() {
		return "";
	}

	@Override
	public Options options() {
		return InboxArguments.paging(new Options().flag("--unread", "only unread messages")).flag("--json", "print JSON");
	}

	@Override
	public int run(Inbox inbox, ParsedOptions given, CommandContext context) throws IOException, UsageException {
		InboxQuery q = InboxArguments.page(
				InboxQuery.all().withRead(given.has("--unread") ? InboxQuery.ReadFilter.UNREAD : InboxQuery.ReadFilter.ANY), given);
		if (!given.operands().isEmpty()) {
			throw new UsageException("list takes no arguments besides its options: " + given.operands());
		}
		return listing.list(inbox, given.has("--json"), context.out(), q);
	}
}
