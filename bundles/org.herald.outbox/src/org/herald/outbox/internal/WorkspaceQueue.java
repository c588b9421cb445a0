/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.outbox.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.herald.api.Identity;
import org.herald.messenger.Delivery;
import org.herald.messenger.OutgoingMessage;
import org.herald.messenger.PathChoice;
import org.herald.messenger.Recipient;
import org.herald.messenger.Sender;
import org.herald.outbox.OutboxEntry;
import org.herald.outbox.OutboxEntry.State;
import org.herald.outbox.OutboxQueue;
import org.herald.outbox.RetryPolicy;

/**
 * The outbox of a workspace on its {@link Journal}. An attempt claims its entry first (its next
 * attempt moved {@link #CLAIM} ahead, on disk), so that two processes never send it at the same
 * time; the send runs outside the lock, the outcome is written after it.
 */
public final class WorkspaceQueue implements OutboxQueue {

	/** How long a claimed entry is left alone by other processes (longer than any attempt takes). */
	static final Duration CLAIM = Duration.ofMinutes(2);

	private final Journal journal;
	private final RetryPolicy policy;
	private final Clock clock;
	private final Function<Identity, Sender> senders;

	/**
	 * @param senders a sender for an entry's identity (the messenger's, in the product)
	 * @param clock   the clock that says what is due and what expired
	 */
	public WorkspaceQueue(Path workspace, RetryPolicy policy, Clock clock, Function<Identity, Sender> senders) throws IOException {
		this.journal = new Journal(workspace);
		this.policy = policy;
		this.clock = clock;
		this.senders = senders;
	}

	@Override
	public OutboxEntry add(Identity identity, String from, String target, String text, PathChoice path, Delivery firstFailure)
			throws IOException {
		return add(identity, from, target, text, path, false, firstFailure);
	}

	@Override
	public OutboxEntry schedule(Identity identity, String from, String target, String text, PathChoice path, Instant at) throws IOException {
		return schedule(identity, from, target, text, path, false, at, Optional.empty());
	}

	@Override
	public OutboxEntry add(Identity identity, String from, String target, String text, PathChoice path, boolean urgent, Delivery firstFailure)
			throws IOException {
		Instant now = clock.instant();
		return add(identity, from, target, text, path, urgent, Optional.empty(), 1, describe(firstFailure), now, now.plus(policy.backoff(1)),
				now.plus(policy.expiry()), State.RETRYING);
	}

	@Override
	public OutboxEntry schedule(Identity identity, String from, String target, String text, PathChoice path, boolean urgent, Instant at,
			Optional<Duration> every) throws IOException {
		Instant now = clock.instant();
		Instant first = at.isAfter(now) ? at : now;
		OutboxEntry.Schedule schedule = new OutboxEntry.Schedule(first, every);
		return add(identity, from, target, text, path, urgent, Optional.of(schedule), 0, "", now, first, expiry(schedule, first), State.SCHEDULED);
	}

	/** When an occurrence due at {@code at} is given up: after the policy's expiry, or when the next one is due. */
	private Instant expiry(OutboxEntry.Schedule schedule, Instant at) {
		Duration keep = policy.expiry();
		if (schedule.every().isPresent() && schedule.every().get().compareTo(keep) < 0) {
			keep = schedule.every().get();
		}
		return at.plus(keep);
	}

	private OutboxEntry add(Identity identity, String from, String target, String text, PathChoice path, boolean urgent,
			Optional<OutboxEntry.Schedule> schedule, int attempts, String error, Instant created, Instant next, Instant expires, State state)
			throws IOException {
		Recipient.parse(target); // a bad target is refused now, not at every retry
		if (identity.interfaces().isEmpty()) {
			throw new IllegalArgumentException("no interfaces configured: Herald sends only from configured interfaces");
		}
		return journal.update((entries, writes) -> {
			long id = entries.keySet().stream().mapToLong(Long::longValue).max().orElse(0) + 1;
			OutboxEntry e = new OutboxEntry(id, state, attempts, error, created, next, expires, identity, from, target, text, path, urgent, schedule);
			writes.add(e);
			return e;
		});
	}

	@Override
	public List<OutboxEntry> list() throws IOException {
		return journal.update((entries, writes) -> List.copyOf(entries.values()));
	}

	@Override
	public Optional<OutboxEntry> get(long id) throws IOException {
		return journal.update((entries, writes) -> Optional.ofNullable(entries.get(id)));
	}

	@Override
	public OutboxEntry cancel(long id) throws IOException {
		return journal.update((entries, writes) -> {
			OutboxEntry e = pending(entries, id);
			OutboxEntry c = e.with(State.CANCELLED, e.attempts(), e.lastError(), e.nextAttempt());
			writes.add(c);
			return c;
		});
	}

	private static OutboxEntry pending(Map<Long, OutboxEntry> entries, long id) {
		OutboxEntry e = entries.get(id);
		if (e == null) {
			throw new IllegalArgumentException("no outbox entry " + id);
		}
		if (!e.state().pending()) {
			throw new IllegalArgumentException("outbox entry " + id + " is " + e.state().word() + ", no longer pending");
		}
		return e;
	}

	@Override
	public List<OutboxEntry> retry(Collection<Long> ids) throws IOException, InterruptedException {
		Instant now = clock.instant();
		journal.update((entries, writes) -> {
			for (long id : ids) {
				pending(entries, id);
			}
			for (long id : ids) {
				OutboxEntry e = entries.get(id);
				writes.add(e.with(e.state(), e.attempts(), e.lastError(), now));
			}
			return null;
		});
		return retryDueNow();
	}

	@Override
	public List<OutboxEntry> retryAll() throws IOException, InterruptedException {
		List<Long> ids = list().stream().filter(e -> e.state().pending()).map(OutboxEntry::id).toList();
		return retry(ids);
	}

	@Override
	public List<OutboxEntry> retryDueNow() throws IOException, InterruptedException {
		Instant now = clock.instant();
		List<OutboxEntry> done = new ArrayList<>();
		List<OutboxEntry> claimed = journal.update((entries, writes) -> {
			List<OutboxEntry> due = new ArrayList<>();
			for (OutboxEntry e : entries.values()) {
				if (!e.state().pending() || e.nextAttempt().isAfter(now)) {
					continue;
				}
				if (!now.isBefore(e.expires())) {
					OutboxEntry x = e.repeats() ? next(e, State.EXPIRED, now) : e.with(State.EXPIRED, e.attempts(), e.lastError(), e.nextAttempt());
					writes.add(x);
					done.add(x);
				} else {
					writes.add(e.with(e.state(), e.attempts(), e.lastError(), now.plus(CLAIM)));
					due.add(e);
				}
			}
			return due;
		});
		for (OutboxEntry e : claimed) {
			OutboxEntry after = attempt(e, now);
			done.add(journal.update((entries, writes) -> {
				OutboxEntry current = entries.get(e.id());
				// cancelled while it was being sent: the outcome of the send still stands when it got through,
				// but a cancelled repeat is not scheduled again
				if (current != null && current.state() == State.CANCELLED && (after.state().pending() || after.repeats())) {
					return current;
				}
				OutboxEntry kept = after.repeats() && !after.state().pending() ? next(after, after.state(), now) : after;
				writes.add(kept);
				return kept;
			}));
		}
		return done;
	}

	/** One attempt at {@code e}; the entry as it stands afterwards. */
	private OutboxEntry attempt(OutboxEntry e, Instant now) throws InterruptedException {
		int attempts = e.attempts() + 1;
		List<Delivery> results;
		try {
			OutgoingMessage m = new OutgoingMessage(e.from(), List.of(Recipient.parse(e.target())), e.text(), e.path(), e.urgent());
			results = senders.apply(e.identity()).send(m);
		} catch (RuntimeException ex) {
			return retryLater(e, attempts, "could not send: " + ex.getMessage(), now);
		}
		Optional<Delivery> ok = results.stream().filter(d -> d.status() == Delivery.Status.DELIVERED).findFirst();
		if (ok.isPresent()) {
			return e.with(State.DELIVERED, attempts, "", now);
		}
		Optional<Delivery> sent = results.stream().filter(d -> d.status() == Delivery.Status.SENT_UNCONFIRMED).findFirst();
		if (sent.isPresent()) {
			return e.with(State.SENT, attempts, "", now);
		}
		if (results.isEmpty()) {
			return retryLater(e, attempts, "no result", now);
		}
		Delivery last = results.get(results.size() - 1);
		if (!RetryPolicy.retryable(last)) {
			return e.with(State.FAILED, attempts, describe(last), now);
		}
		return retryLater(e, attempts, describe(last), now);
	}

	/** The next occurrence of repeating {@code e}, whose current one ended {@code outcome}; what became of it is its last error. */
	private OutboxEntry next(OutboxEntry e, State outcome, Instant now) {
		OutboxEntry.Schedule s = e.schedule().orElseThrow();
		Instant at = s.nextAfter(now);
		String last = "last " + outcome.word() + (e.lastError().isEmpty() || outcome == State.DELIVERED || outcome == State.SENT ? ""
				: ": " + e.lastError());
		return e.repeatAt(at, expiry(s, at), last);
	}

	private OutboxEntry retryLater(OutboxEntry e, int attempts, String error, Instant now) {
		Instant next = now.plus(policy.backoff(attempts));
		if (next.isAfter(e.expires())) {
			next = e.expires(); // the pass at the expiry gives it up
		}
		return e.with(State.RETRYING, attempts, error, next);
	}

	/** The reason and detail of a failed delivery, as the CLI prints them. */
	static String describe(Delivery d) {
		String reason = d.reason().map(r -> r.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')).orElse(d.status().name());
		return d.detail().isEmpty() ? reason : reason + " (" + d.detail() + ")";
	}
}
