/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.outbox.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.herald.messenger.EncryptionPolicy;
import org.herald.messenger.Messenger;
import org.herald.messenger.PeerChannel;
import org.herald.outbox.Outbox;
import org.herald.outbox.OutboxQueue;
import org.herald.outbox.RetryPolicy;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The outbox service: queues per workspace, sending through the messenger. The policy comes from
 * the framework properties {@code herald.outbox.first} (default 30s), {@code herald.outbox.longest}
 * (30m) and {@code herald.outbox.expiry} (24h), e.g. {@code -Dherald.outbox.expiry=2h}.
 */
@Component(service = Outbox.class)
public final class OutboxService implements Outbox {

	private final Messenger messenger;
	private final RetryPolicy policy;
	private final Clock clock;
	private final Map<Path, OutboxQueue> queues = new ConcurrentHashMap<>();

	@Activate
	public OutboxService(@Reference Messenger messenger, BundleContext context) {
		this(messenger, policy(context::getProperty), Clock.systemUTC());
	}

	/** For tests and embedding: another policy or clock. */
	public OutboxService(Messenger messenger, RetryPolicy policy, Clock clock) {
		this.messenger = messenger;
		this.policy = policy;
		this.clock = clock;
	}

	@Override
	public OutboxQueue queue(Path workspace) throws IOException {
		Path key = workspace.toAbsolutePath().normalize();
		OutboxQueue q = queues.get(key);
		if (q == null) {
			Path workspaceKey = key;
			// as herald send does: a Herald peer gets the message on the peer channel (encrypted, urgent as a
			// flag), others plain; the keys and pins are the workspace's
			q = new WorkspaceQueue(key, policy, clock, identity -> messenger.sender(identity, PeerChannel.of(workspaceKey, encryption())));
			OutboxQueue raced = queues.putIfAbsent(key, q);
			q = raced != null ? raced : q;
		}
		return q;
	}

	/** The workspace's default (Preferences > Encryption), auto where no preferences are at hand. */
	private static EncryptionPolicy encryption() {
		try {
			return EncryptionPolicy.workspaceDefault();
		} catch (RuntimeException e) {
			return EncryptionPolicy.AUTO;
		}
	}

	@Override
	public RetryPolicy policy() {
		return policy;
	}

	/** The policy from properties (absent ones default); a bad value is an error naming the property. */
	static RetryPolicy policy(java.util.function.UnaryOperator<String> properties) {
		RetryPolicy d = RetryPolicy.DEFAULT;
		return new RetryPolicy(duration(properties, "herald.outbox.first", d.first()), duration(properties, "herald.outbox.longest", d.longest()),
				duration(properties, "herald.outbox.expiry", d.expiry()));
	}

	private static Duration duration(java.util.function.UnaryOperator<String> properties, String key, Duration fallback) {
		String v = properties.apply(key);
		if (v == null || v.isBlank()) {
			return fallback;
		}
		try {
			return RetryPolicy.duration(v);
		} catch (IllegalArgumentException e) {
			throw new IllegalArgumentException(key + ": " + e.getMessage(), e);
		}
	}
}
