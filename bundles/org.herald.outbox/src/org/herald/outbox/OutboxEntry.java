/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.outbox;

import java.time.Instant;
import java.util.Locale;

import org.herald.api.Identity;
import org.herald.messenger.PathChoice;

/**
 * One message for one recipient, kept in the outbox.
 *
 * @param id          the entry's number in its outbox, from 1
 * @param state       where it stands
 * @param attempts    how many times it was tried (the send that queued it counts as the first)
 * @param lastError   why the last attempt failed (empty before any failure or after delivery)
 * @param created     when it was queued
 * @param nextAttempt when it is tried next (meaningful while pending)
 * @param expires     when it is given up if still not delivered
 * @param identity    who sends it: name, workgroup and interfaces, as when it was queued
 * @param from        the originator name the recipient sees
 * @param target      the recipient as {@code herald send} takes it (a name or an address)
 * @param text        the message
 * @param path        the wire path
 */
public record OutboxEntry(long id, State state, int attempts, String lastError, Instant created, Instant nextAttempt, Instant expires,
		Identity identity, String from, String target, String text, PathChoice path) {

	/** Where an entry stands. */
	public enum State {
		/** Kept, not tried by the outbox yet. */
		QUEUED,
		/** Tried and failed for a reason that may heal; tried again at {@link OutboxEntry#nextAttempt}. */
		RETRYING,
		/** Stored by the recipient (session path): done. */
		DELIVERED,
		/** Sent by the mailslot path, which has no acknowledgement: done. */
		SENT,
		/** Refused for good by the recipient (blocked, flood limit, no message service): done. */
		FAILED,
		/** Not delivered before {@link OutboxEntry#expires}: given up. */
		EXPIRED,
		/** Cancelled by the user. */
		CANCELLED;

		/** Whether the outbox still tries it. */
		public boolean pending() {
			return this == QUEUED || this == RETRYING;
		}

		/** The lower-case word the CLI and the report show. */
		public String word() {
			return name().toLowerCase(Locale.ROOT);
		}
	}

	public OutboxEntry {
		lastError = lastError == null ? "" : lastError;
	}

	public OutboxEntry with(State newState, int newAttempts, String error, Instant next) {
		return new OutboxEntry(id, newState, newAttempts, error, created, next, expires, identity, from, target, text, path);
	}
}
