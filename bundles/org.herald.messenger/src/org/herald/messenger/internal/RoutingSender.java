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
 * sender, the legacy peers' results marked {@link Delivery.Channel#LEGACY}: in the order of the
 * recipients, or where a range or workgroup gave several results, those of the peer channel first,
 * then the plain ones, then the legacy peers'.
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
			split = PeerRouting.route(identity, effective, resolver, message.recipients(), message.text(), message.urgent(), timeout, discovery);
		} catch (IOException e) {
			throw new UncheckedIOException(e.getMessage(), e);
		}
		List<Delivery> plainResults = split.plain().isEmpty() ? List.of()
				: plain.send(message.withRecipients(split.plain()));
		List<Delivery> legacyResults = new ArrayList<>();
		if (!split.legacy().isEmpty()) {
			for (Delivery d : plain.send(message.withRecipients(split.legacy()))) {
				legacyResults.add(d.withChannel(Delivery.Channel.LEGACY));
			}
		}
		List<Delivery> results = new ArrayList<>();
		if (plainResults.size() == split.plain().size() && legacyResults.size() == split.legacy().size()) {
			// one result per recipient (no range or workgroup): in the order the recipients were given
			var peers = split.peer().iterator();
			var plains = plainResults.iterator();
			var legacies = legacyResults.iterator();
			for (PeerRouting.Route route : split.routes()) {
				results.add(switch (route) {
				case PEER -> peers.next();
				case PLAIN -> plains.next();
				case LEGACY -> legacies.next();
				});
			}
		} else {
			results.addAll(split.peer());
			results.addAll(plainResults);
			results.addAll(legacyResults);
		}
		return results;
	}
}
