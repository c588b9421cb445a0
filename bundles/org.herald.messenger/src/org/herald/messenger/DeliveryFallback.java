/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

import org.herald.api.Identity;

/**
 * Takes a delivery that failed for a reason that may heal, to try it again later: the outbox
 * offers this service, and {@code herald send --queue} hands it each failed recipient.
 */
public interface DeliveryFallback {

	/**
	 * Keeps {@code failure}'s recipient of {@code message} for later, durably, if its failure may heal.
	 *
	 * @param workspace where the message is kept
	 * @param identity  who sends it (name, interfaces)
	 * @return what became of it, for the result line (e.g. {@code queued for retry as #3}), or empty
	 *         when the failure is final and nothing was kept
	 */
	Optional<String> keep(Path workspace, Identity identity, OutgoingMessage message, Delivery failure) throws IOException;
}
