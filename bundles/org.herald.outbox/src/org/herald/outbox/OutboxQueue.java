/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.outbox;

import java.io.IOException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.herald.api.Identity;
import org.herald.messenger.Delivery;
import org.herald.messenger.PathChoice;

/**
 * The outbox of one workspace. Every change is on disk (forced to the device) before the method
 * returns; several processes on the same workspace (the workbench, herald listen, herald outbox)
 * share it safely.
 */
@org.osgi.annotation.versioning.ProviderType
public interface OutboxQueue {

	/**
	 * Keeps a message for one recipient whose first attempt failed with {@code firstFailure}; it is
	 * tried again after the policy's first wait.
	 *
	 * @param target a name or an address as {@code herald send} takes it
	 * @throws IllegalArgumentException if the target does not parse
	 */
	OutboxEntry add(Identity identity, String from, String target, String text, PathChoice path, Delivery firstFailure) throws IOException;

	/** Like {@link #add(Identity, String, String, String, PathChoice, Delivery)}, urgent or not. */
	OutboxEntry add(Identity identity, String from, String target, String text, PathChoice path, boolean urgent, Delivery firstFailure)
			throws IOException;

	/** Keeps a message for one recipient, first tried at {@code at} (a scheduled send), expiring a policy's expiry after it. */
	OutboxEntry schedule(Identity identity, String from, String target, String text, PathChoice path, Instant at) throws IOException;

	/**
	 * Keeps a scheduled send for one recipient ({@link OutboxEntry.State#SCHEDULED}): first tried at
	 * {@code at} (now, if that has passed), and with {@code every} again a period after each
	 * occurrence, until cancelled. An occurrence is retried like any entry; it expires after the
	 * policy's expiry or when the next occurrence is due, whichever is sooner.
	 *
	 * @throws IllegalArgumentException if the target does not parse or the period is under {@link OutboxEntry#MIN_EVERY}
	 */
	OutboxEntry schedule(Identity identity, String from, String target, String text, PathChoice path, boolean urgent, Instant at,
			Optional<java.time.Duration> every) throws IOException;

	/** Every entry, oldest first. */
	List<OutboxEntry> list() throws IOException;

	Optional<OutboxEntry> get(long id) throws IOException;

	/**
	 * Stops trying entry {@code id}.
	 *
	 * @throws IllegalArgumentException if there is no such entry or it is no longer pending
	 */
	OutboxEntry cancel(long id) throws IOException;

	/**
	 * Makes the given pending entries due now and tries them (and any other due entry).
	 *
	 * @throws IllegalArgumentException if one is unknown or no longer pending
	 * @return the entries tried, as they are afterwards
	 */
	List<OutboxEntry> retry(Collection<Long> ids) throws IOException, InterruptedException;

	/** Makes every pending entry due now and tries them. */
	List<OutboxEntry> retryAll() throws IOException, InterruptedException;

	/**
	 * Tries every pending entry whose next attempt is due by the queue's clock and expires those
	 * past their expiry: what the retrying component runs periodically.
	 *
	 * @return the entries tried or expired, as they are afterwards
	 */
	List<OutboxEntry> retryDueNow() throws IOException, InterruptedException;
}
