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
 * offers this service, {@code herald send --queue} hands it each failed recipient, and the
 * long-running processes have it retry while they run.
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

	/**
	 * Tries the deliveries kept in {@code workspace} again as they fall due, until the returned
	 * handle is closed. The processes that stay on the network call it (herald listen, the
	 * workbench); a one-shot command does not, so it never sends what others queued.
	 */
	AutoCloseable retryWhileRunning(Path workspace);

	/**
	 * Keeps {@code message} for each of its recipients (a range as its addresses) to be sent at
	 * {@code at}, and with {@code every} again a period after each time, durably; the processes that
	 * call {@link #retryWhileRunning} send it when it is due.
	 *
	 * @return one line per recipient kept, e.g. {@code BOB<03> scheduled as #4 for 2026-12-07 18:00}
	 * @throws IllegalArgumentException if a recipient cannot be kept or the period is too short
	 */
	default java.util.List<String> schedule(Path workspace, Identity identity, OutgoingMessage message, java.time.Instant at,
			Optional<java.time.Duration> every) throws IOException {
		throw new UnsupportedOperationException("this outbox cannot schedule sends");
	}
}
