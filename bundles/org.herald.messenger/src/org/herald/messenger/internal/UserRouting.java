/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

import org.herald.api.Acceptance;
import org.herald.api.Identity;
import org.herald.api.MessageSink;
import org.herald.api.NetbiosName;
import org.herald.api.ReceivedMessage;
import org.herald.inbox.Inbox;
import org.herald.inbox.InboxService;
import org.herald.messenger.internal.Aliases.Alias;

/**
 * Several users on one multi-session host: a message whose recipient is a user's name (an alias
 * with a workspace of its own) goes into that workspace's inbox; everything else (this host's
 * name, its plain aliases, a workgroup message) into the host's. The answer is that inbox's: the
 * sender is told "stored" only after the user's inbox committed the message, and a refusal by the
 * user's own spam policy is the user's. A user's inbox that cannot be opened fails the message (the
 * sender sees an error; nothing is stored elsewhere).
 */
final class UserRouting implements MessageSink {

	private final MessageSink host;
	private final Function<String, Optional<Alias>> aliases;
	private final InboxService inboxes;
	private final Identity identity;

	/**
	 * @param aliases the alias of a name (upper-case, no suffix) as it stands now; empty for any other name
	 */
	UserRouting(MessageSink host, Function<String, Optional<Alias>> aliases, InboxService inboxes, Identity identity) {
		this.host = host;
		this.aliases = aliases;
		this.inboxes = inboxes;
		this.identity = identity;
	}

	@Override
	public Acceptance accept(ReceivedMessage m) throws IOException {
		Optional<Alias> user = user(m.recipientName());
		if (user.isEmpty()) {
			return host.accept(m);
		}
		Alias a = user.get();
		Path workspace = a.workspace().orElseThrow();
		Inbox inbox;
		try {
			inbox = inboxes.open(workspace, identity);
		} catch (IOException | RuntimeException e) {
			throw new IOException("the inbox of " + a.name() + " in " + workspace + " cannot be opened (" + e.getMessage() + ")", e);
		}
		return inbox.accept(m);
	}

	/** Why the inbox of the user {@code a} cannot be opened now, or null if it opens. */
	String problemWith(Alias a) {
		try {
			inboxes.open(a.workspace().orElseThrow(), identity);
			return null;
		} catch (IOException | RuntimeException e) {
			return String.valueOf(e.getMessage());
		}
	}

	/** The user a recipient name stands for, if it is one. */
	Optional<Alias> user(String recipient) {
		String key = NetbiosName.upperAscii(recipient.strip());
		if (key.isEmpty() || NetbiosName.problemWith(key) != null) {
			return Optional.empty();
		}
		return aliases.apply(key).filter(a -> a.workspace().isPresent());
	}
}
