/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.api;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Receiving pop-ups into a workspace's inbox, for bundles that do something else meanwhile (the
 * browser's {@code herald browse --receive}) and should not depend on the Messenger or the inbox.
 * The Messenger offers it as a service; where it is missing, nothing can receive.
 */
@org.osgi.annotation.versioning.ProviderType
public interface MessageReception {

	/**
	 * Makes Herald present as {@code identity} (its names and receivers, as {@code herald listen})
	 * and stores every message in the inbox of {@code workspace}; acknowledged only once stored.
	 *
	 * @param onStored told of each message once it is stored, on a receiver's thread before the sender
	 *                 gets its answer: it must not block (hand slow work to another thread)
	 * @return closing it stops receiving and releases the names
	 * @throws IOException if the ports are held by another process or the inbox cannot be opened
	 */
	AutoCloseable receive(Identity identity, Path workspace, Consumer<StoredMessage> onStored) throws IOException;
}
