/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.inbox.internal;

import java.io.IOException;
import java.util.List;

import org.herald.api.StoredMessage;
import org.herald.api.cli.CommandContext;
import org.herald.api.cli.Options;
import org.herald.api.cli.ParsedOptions;
import org.herald.api.cli.UsageException;
import org.herald.inbox.Inbox;

/** {@code herald inbox show ID}: one message whole; marks it read. */
final class InboxShowVerb implements InboxVerb {

	private final InboxListing listing;

	InboxShowVerb(InboxListing listing) {
		this.listing = listing;
	}

	@Override
	public String operands() {
		return "ID";
	}

	@Override
	public Options options() {
		return new Options().flag("--json", "print JSON");
	}

	@Override
	public String note() {
		return "(marks it read)";
	}

	@Override
	public int run(Inbox inbox, ParsedOptions given, CommandContext context) throws IOException, UsageException {
		long id = InboxArguments.number(InboxArguments.single(given, "a message id"), "message id");
		var found = inbox.get(id);
		if (found.isEmpty()) {
			context.err().println("no message " + id);
			return 1;
		}
		inbox.markRead(List.of(id), true);
		StoredMessage m = found.get();
		listing.show(m, given.has("--json"), context.out());
		return 0;
	}
}
