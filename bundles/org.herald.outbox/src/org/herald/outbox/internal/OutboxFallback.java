/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.outbox.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.herald.api.Identity;
import org.herald.messenger.Delivery;
import org.herald.messenger.DeliveryFallback;
import org.herald.messenger.OutgoingMessage;
import org.herald.messenger.Recipient;
import org.herald.outbox.Outbox;
import org.herald.outbox.OutboxEntry;
import org.herald.outbox.RetryPolicy;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * What {@code herald send --queue} hands a failed recipient to: the outbox of the workspace keeps
 * the retryable ones, and retries them while herald listen or the workbench runs.
 */
@Component(service = DeliveryFallback.class)
public final class OutboxFallback implements DeliveryFallback {

	private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());
	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

	private final Outbox outbox;
	private final boolean retry;

	@Activate
	public OutboxFallback(@Reference Outbox outbox, BundleContext context) {
		this(outbox, !"false".equals(context.getProperty("herald.outbox.retrier")));
	}

	/** Outside OSGi (tests): retries while asked to. */
	OutboxFallback(Outbox outbox) {
		this(outbox, true);
	}

	private OutboxFallback(Outbox outbox, boolean retry) {
		this.outbox = outbox;
		this.retry = retry;
	}

	@Override
	public AutoCloseable retryWhileRunning(Path workspace) {
		return retry ? new OutboxRetrier(outbox, workspace) : () -> {
		};
	}

	@Override
	public Optional<String> keep(Path workspace, Identity identity, OutgoingMessage message, Delivery failure) throws IOException {
		if (!RetryPolicy.retryable(failure)) {
			return Optional.empty();
		}
		Optional<String> target = target(failure);
		if (target.isEmpty()) {
			return Optional.empty();
		}
		OutboxEntry e = outbox.queue(workspace).add(identity, message.from(), target.get(), message.text(), message.path(), message.urgent(),
				failure);
		return Optional.of("queued for retry as #" + e.id() + " (next attempt " + TIME.format(e.nextAttempt()) + ", expires "
				+ TIME.format(e.expires()) + ")");
	}

	@Override
	public List<String> schedule(Path workspace, Identity identity, OutgoingMessage message, Instant at, Optional<Duration> every)
			throws IOException {
		List<String> targets = new ArrayList<>();
		for (Recipient r : message.recipients()) {
			switch (r) {
			case Recipient.Name n -> targets.add(n.name().toString());
			case Recipient.Address a -> targets.add(a.label());
			case Recipient.Range range -> range.addresses().forEach(a -> targets.add(a.getHostAddress()));
			case Recipient.Workgroup w -> targets.add(Recipient.DOMAIN + w.workgroup());
			}
		}
		List<String> lines = new ArrayList<>();
		for (String t : targets) {
			OutboxEntry e = outbox.queue(workspace).schedule(identity, message.from(), t, message.text(), message.path(), message.urgent(), at,
					every);
			lines.add(t + " scheduled as #" + e.id() + " for " + (e.nextAttempt().getEpochSecond() % 60 == 0 ? MINUTE : TIME).format(e.nextAttempt())
					+ every.map(d -> " (every " + d.toString().substring(2).toLowerCase(java.util.Locale.ROOT) + ")").orElse(""));
		}
		return lines;
	}

	/**
	 * What to retry: a name as a name (resolved afresh at each attempt), an address as itself, one
	 * address of a range as that address. A workgroup broadcast is not kept.
	 */
	static Optional<String> target(Delivery d) {
		try {
			Recipient r = Recipient.parse(d.recipient());
			if (r instanceof Recipient.Name n) {
				return Optional.of(n.name().toString());
			}
			if (r instanceof Recipient.Address a) {
				return Optional.of(a.address().getHostAddress());
			}
		} catch (IllegalArgumentException e) {
			// a workgroup's label or a range's: decided by the address below
		}
		if (d.recipient().endsWith("(workgroup)")) {
			return Optional.empty();
		}
		return d.address().map(java.net.Inet4Address::getHostAddress);
	}
}
