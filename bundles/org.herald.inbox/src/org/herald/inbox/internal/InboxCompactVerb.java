/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.inbox.internal;

import java.io.IOException;
import java.util.Locale;

import org.herald.api.cli.CommandContext;
import org.herald.api.cli.Options;
import org.herald.api.cli.ParsedOptions;
import org.herald.api.cli.UsageException;
import org.herald.inbox.Inbox;

/** {@code herald inbox compact}: rewrites the inbox file to its live data; the inbox must not be open elsewhere. */
final class InboxCompactVerb implements InboxVerb {

	@Override
	public String operands() {
		return "";
	}

	@Override
	public Options options() {
		return new Options();
	}

	@Override
	public String note() {
		return "(rewrites the file to its live data; the inbox must not be open elsewhere)";
	}

	@Override
	public boolean opensInbox() {
		return false;
	}

	@Override
	public int run(Inbox inbox, ParsedOptions given, CommandContext context) throws IOException, UsageException {
		if (!given.operands().isEmpty()) {
			throw new UsageException("compact takes no arguments: " + given.operands());
		}
		InboxDatabase.Compacted done = InboxDatabase.compact(context.workspace());
		context.out().printf(Locale.ROOT, "compacted the inbox: %s before, %s after (%.1f s)%n", size(done.bytesBefore()),
				size(done.bytesAfter()), done.took().toMillis() / 1000.0);
		return 0;
	}

	private static String size(long bytes) {
		return bytes < 10L << 20 ? String.format(Locale.ROOT, "%,d KB", (bytes + 1023) >> 10) : String.format(Locale.ROOT, "%,d MB", bytes >> 20);
	}
}
