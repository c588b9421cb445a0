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

/** One verb of {@code herald inbox}: its operands and options (for the usage line) and what it does. */
interface InboxVerb {

	/** What follows the verb besides the options, e.g. {@code WORDS...}; empty for none. */
	String operands();

	/** Its options; {@code --json} only where the verb prints JSON. */
	Options options();

	/** A note after the usage line, or empty. */
	default String note() {
		return "";
	}

	/** Whether it works on an open inbox (all but {@code compact}). */
	default boolean opensInbox() {
		return true;
	}

	/** @param inbox the workspace's inbox, or null when {@link #opensInbox()} is false */
	int run(Inbox inbox, ParsedOptions given, CommandContext context) throws IOException, UsageException;
}
