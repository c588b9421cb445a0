/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.inbox;

import java.io.IOException;
import java.nio.file.Path;

import org.herald.api.Identity;

/**
 * Opens the inbox of a workspace. There is one {@link Inbox} per workspace in a process: opening a
 * workspace again returns the same instance (with {@code identity} as its new identity). The service
 * closes the inboxes when it goes away; callers do not close them.
 */
@org.osgi.annotation.versioning.ProviderType
public interface InboxService {

	/**
	 * @param workspace the workspace folder ({@code -data}); the store lives in {@code .herald/} below it
	 * @param identity  whose interfaces define the local subnets for the quarantine rule
	 */
	Inbox open(Path workspace, Identity identity) throws IOException;
}
