/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

import org.herald.api.Acceptance;
import org.herald.api.Identity;
import org.herald.api.MessageReception;
import org.herald.api.StoredMessage;
import org.herald.inbox.Inbox;
import org.herald.inbox.InboxService;
import org.herald.messenger.Messenger;
import org.herald.messenger.Presence;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@link MessageReception} over the Messenger's presence and the workspace's inbox. */
@Component(service = MessageReception.class)
public final class InboxReception implements MessageReception {

	private final Messenger messenger;
	private final InboxService inboxes;

	@Activate
	public InboxReception(@Reference Messenger messenger, @Reference InboxService inboxes) {
		this.messenger = messenger;
		this.inboxes = inboxes;
	}

	@Override
	public AutoCloseable receive(Identity identity, Path workspace, Consumer<StoredMessage> onStored) throws IOException {
		Inbox inbox = inboxes.open(workspace, identity);
		Presence presence;
		try {
			presence = messenger.join(identity, m -> {
				Acceptance a = inbox.accept(m);
				a.stored().ifPresent(onStored);
				return a;
			}, null);
		} catch (IOException | RuntimeException e) {
			inbox.close();
			throw e;
		}
		return () -> {
			try {
				presence.close(); // answers what is in progress first
			} finally {
				inbox.close();
			}
		};
	}
}
