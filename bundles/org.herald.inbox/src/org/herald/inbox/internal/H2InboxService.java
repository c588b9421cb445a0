/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.inbox.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.herald.api.Identity;
import org.herald.inbox.Inbox;
import org.herald.inbox.InboxService;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/** Keeps one {@link H2Inbox} per workspace for this process, and closes them when it goes away. */
// immediate: a delayed component would be deactivated (closing every open inbox) whenever nobody
// held the service for a moment, under the feet of parts and addons that keep an Inbox
@Component(service = InboxService.class, immediate = true)
public final class H2InboxService implements InboxService {

	private final Map<Path, H2Inbox> open = new HashMap<>();
	private boolean closed;

	@Override
	public synchronized Inbox open(Path workspace, Identity identity) throws IOException {
		if (closed) {
			throw new IOException("the inbox service has stopped");
		}
		Path key = workspace.toAbsolutePath().normalize();
		H2Inbox inbox = open.get(key);
		if (inbox == null) {
			inbox = new H2Inbox(key, identity);
			open.put(key, inbox);
		} else {
			inbox.setIdentity(identity);
		}
		return inbox;
	}

	@Deactivate
	public synchronized void close() {
		closed = true;
		open.values().forEach(H2Inbox::close);
		open.clear();
	}
}
