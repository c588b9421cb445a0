/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.ui.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

import org.eclipse.osgi.service.datalocation.Location;
import org.herald.api.Identity;
import org.herald.inbox.Inbox;
import org.herald.inbox.InboxService;

/** The inbox of the workbench's workspace, which the views and addons share. */
public final class WorkspaceInbox {

	private WorkspaceInbox() {
	}

	/**
	 * Opens (or finds open) the inbox of {@code workspace}.
	 *
	 * @return empty when this installation has no inbox store or the workbench no workspace
	 */
	public static Optional<Inbox> open(InboxService inboxes, Location workspace, Identity identity) throws IOException {
		if (inboxes == null || workspace == null || workspace.getURL() == null) {
			return Optional.empty();
		}
		return Optional.of(inboxes.open(Path.of(workspace.getURL().getPath()), identity));
	}

	/** The workspace's folder (where the peer key and pins are too); empty without a workspace. */
	public static Optional<Path> directory(Location workspace) {
		if (workspace == null || workspace.getURL() == null) {
			return Optional.empty();
		}
		return Optional.of(Path.of(workspace.getURL().getPath()));
	}
}
