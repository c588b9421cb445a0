/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.herald.api.Identity;
import org.herald.messenger.Delivery;
import org.herald.messenger.EncryptionPolicy;
import org.herald.messenger.NameResolver;
import org.herald.messenger.OutgoingMessage;
import org.herald.messenger.PathChoice;
import org.herald.messenger.PeerChannel;
import org.herald.messenger.Sender;

/**
 * A sender that tries the peer channel first ({@link PeerRouting}) and hands the rest to the plain
 * sender: the results of the peer channel first, then the plain ones, the legacy peers' marked
 * {@link Delivery.Channel#LEGACY}.
 */
final class RoutingSender implements Sender {

	private final Identity identity;
	private final PeerChannel channel;
	private final NameResolver resolver;
	private final Sender plain;
	private final Duration timeout;
	private final PeerDiscovery discovery;

	RoutingSender(Identity identity, PeerChannel channel, NameResolver resolver, Sender plain, Duration timeout, PeerDiscovery discovery) {
		this.identity = identity;
		this.channel = channel;
		this.resolver = resolver;
		this.plain = plain;
		this.timeout = timeout;
		this.discovery = discovery;
	}

	/**
	 * @throws UncheckedIOException if the identity key or the pins cannot be read (a damaged pin
	 *                              file, a key file open to others): nothing further was sent
	 */
	@Override
	public List<Delivery> send(OutgoingMessage message) throws InterruptedException {
		// --session or --mailslot name a NetBIOS path: plain, unless encryption is required (which then fails them)
		PeerChannel effective = message.path() != PathChoice.AUTO && channel.policy() == EncryptionPolicy.AUTO
				? new PeerChannel(channel.workspace(), EncryptionPolicy.NEVER, channel.port())
				: channel;
		PeerRouting.Split split;
		try {
			split = PeerRouting.route(identity, effective, resolver, message.recipients(), message.text(), timeout, discovery);
		} catch (IOException e) {
			throw new UncheckedIOException(e.getMessage(), e);
		}
		List<Delivery> results = new ArrayList<>(split.peer());
		if (!split.plain().isEmpty()) {
			results.addAll(plain.send(new OutgoingMessage(message.from(), split.plain(), message.text(), message.path())));
		}
		if (!split.legacy().isEmpty()) {
			for (Delivery d : plain.send(new OutgoingMessage(message.from(), split.legacy(), message.text(), message.path()))) {
				results.add(d.withChannel(Delivery.Channel.LEGACY));
			}
		}
		return results;
	}
}
