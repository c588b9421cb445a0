/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

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
 * @param urgent      sent urgent (a flag to Herald peers, {@code URGENT: } before the text to others)
 * @param schedule    for a scheduled send: when this occurrence is due, and how often it repeats
 */
public record OutboxEntry(long id, State state, int attempts, String lastError, Instant created, Instant nextAttempt, Instant expires,
		Identity identity, String from, String target, String text, PathChoice path, boolean urgent, Optional<Schedule> schedule) {

	/**
	 * When a scheduled send is due.
	 *
	 * @param at    this occurrence's time
	 * @param every the period of a repeating send; after each occurrence (delivered, sent, failed or
	 *              expired) the next one is scheduled, until the entry is cancelled
	 */
	public record Schedule(Instant at, Optional<Duration> every) {
		public Schedule {
			every.ifPresent(d -> {
				if (d.compareTo(MIN_EVERY) < 0) {
					throw new IllegalArgumentException("a repeat of less than " + MIN_EVERY.toMinutes() + " minute is not allowed: " + d);
				}
			});
		}

		/** The first occurrence after {@code now}: {@code at} plus as many periods as that takes. */
		public Instant nextAfter(Instant now) {
			Duration d = every.orElseThrow();
			Instant next = at.plus(d);
			if (next.isAfter(now)) {
				return next;
			}
			long behind = Duration.between(at, now).toMillis() / d.toMillis() + 1;
			return at.plus(d.multipliedBy(behind));
		}
	}

	/** The shortest repeat: a few retry passes (every {@link Outbox#TICK_SECONDS} seconds) fit in it. */
	public static final Duration MIN_EVERY = Duration.ofMinutes(1);

	/** Where an entry stands. */
	public enum State {
		/** Kept, not tried by the outbox yet. */
		QUEUED,
		/** A scheduled send, not due yet or not tried yet: first tried at {@link OutboxEntry#nextAttempt}. */
		SCHEDULED,
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
			return this == QUEUED || this == RETRYING || this == SCHEDULED;
		}

		/** The lower-case word the CLI and the report show. */
		public String word() {
			return name().toLowerCase(Locale.ROOT);
		}
	}

	public OutboxEntry {
		lastError = lastError == null ? "" : lastError;
		schedule = schedule == null ? Optional.empty() : schedule;
	}

	/** An entry that is not urgent and not scheduled (as entries were before either existed). */
	public OutboxEntry(long id, State state, int attempts, String lastError, Instant created, Instant nextAttempt, Instant expires,
			Identity identity, String from, String target, String text, PathChoice path) {
		this(id, state, attempts, lastError, created, nextAttempt, expires, identity, from, target, text, path, false, Optional.empty());
	}

	public OutboxEntry with(State newState, int newAttempts, String error, Instant next) {
		return new OutboxEntry(id, newState, newAttempts, error, created, next, expires, identity, from, target, text, path, urgent, schedule);
	}

	/** The next occurrence of a repeating send: due at {@code occurrence}, given up at {@code expiry}, not tried yet. */
	public OutboxEntry repeatAt(Instant occurrence, Instant expiry, String lastOutcome) {
		Schedule s = schedule.orElseThrow();
		return new OutboxEntry(id, State.SCHEDULED, 0, lastOutcome, created, occurrence, expiry, identity, from, target, text, path, urgent,
				Optional.of(new Schedule(occurrence, s.every())));
	}

	/** Whether it repeats. */
	public boolean repeats() {
		return schedule.flatMap(Schedule::every).isPresent();
	}
}
