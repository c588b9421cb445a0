/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.internal;

import java.io.IOException;
import java.net.Inet4Address;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.herald.api.Identity;
import org.herald.api.NetbiosName;
import org.herald.messenger.Delivery;
import org.herald.messenger.Delivery.FailureReason;
import org.herald.messenger.EncryptionPolicy;
import org.herald.messenger.NameResolver;
import org.herald.messenger.PeerChannel;
import org.herald.messenger.Recipient;
import org.herald.peer.IdentityKey;
import org.herald.peer.PeerClient;
import org.herald.peer.PeerClient.Outcome;
import org.herald.peer.PeerMessage.Answer;
import org.herald.peer.PeerMessage.Status;
import org.herald.peer.PeerPins;

/**
 * The choice between the encrypted peer channel and plain NET SEND / WinPopup. A recipient given by
 * name or by address is tried on the peer port first (a short connect: that is Herald's discovery,
 * remembered in {@link PeerDiscovery}); a Herald peer gets the message encrypted, a host whose port
 * does not take the connection is a legacy peer and gets it in plain text (unless the policy is
 * {@code require}). A name with a pinned key is a Herald peer: its port is tried even when it did
 * not answer a moment ago. Workgroups and ranges always go plain.
 */
final class PeerRouting {

	/** Where a recipient went. */
	enum Route {
		PEER, PLAIN, LEGACY
	}

	/**
	 * @param peer   what became of the recipients handled here (encrypted, or failed on the peer channel), one each
	 * @param plain  the recipients for the plain sender, never tried on the peer port
	 * @param legacy the recipients for the plain sender whose peer port did not answer
	 * @param routes where each recipient went, in the order given
	 */
	record Split(List<Delivery> peer, List<Recipient> plain, List<Recipient> legacy, List<Route> routes) {
	}

	private PeerRouting() {
	}

	static Split route(Identity identity, PeerChannel channel, NameResolver resolver, List<Recipient> recipients, String text, boolean urgent, Duration timeout,
			PeerDiscovery discovery) throws IOException, InterruptedException {
		List<Delivery> peer = new ArrayList<>();
		List<Recipient> plain = new ArrayList<>();
		List<Recipient> legacy = new ArrayList<>();
		List<Route> routes = new ArrayList<>();
		EncryptionPolicy policy = channel.policy();
		int port = channel.port();
		if (policy == EncryptionPolicy.NEVER || port == 0) {
			return new Split(peer, recipients, legacy, recipients.stream().map(r -> Route.PLAIN).toList());
		}
		boolean require = policy == EncryptionPolicy.REQUIRE;
		Duration connect = timeout.compareTo(Duration.ofSeconds(2)) < 0 ? timeout : Duration.ofSeconds(2);
		PeerClient client = null; // the key and pins are opened only once a Herald peer answered
		for (Recipient r : recipients) {
			int peers = peer.size();
			int plains = plain.size();
			try {
				String label;
				String name;
				Inet4Address host;
				if (r instanceof Recipient.Name n) {
					label = n.name().name();
					name = n.name().name();
					List<Inet4Address> found;
					try {
						found = resolver.resolve(n.name());
					} catch (IOException e) {
						found = List.of();
					}
					if (found.isEmpty()) {
						plain.add(r); // the plain sender reports name-not-found
						continue;
					}
					host = found.get(0);
				} else if (r instanceof Recipient.Address a) {
					host = a.address();
					label = host.getHostAddress();
					Optional<NetbiosName> held = discovery.knownLegacy(host, port) ? Optional.empty() : resolver.messengerNameOf(host);
					if (held.isEmpty()) {
						if (require) {
							peer.add(Delivery.peerFailed(label, Optional.of(host), FailureReason.NOT_A_PEER,
									"--encrypt=require: no NetBIOS name to authenticate it by"));
						} else {
							plain.add(r);
						}
						continue;
					}
					name = held.get().name();
				} else {
					if (require) {
						peer.add(Delivery.peerFailed(r.toString(), Optional.empty(), FailureReason.NOT_A_PEER,
								"--encrypt=require: workgroups and ranges go plain only"));
					} else {
						plain.add(r);
					}
					continue;
				}
				Outcome o;
				if (discovery.knownLegacy(host, port) && PeerPins.in(channel.workspace()).get(name).isEmpty()) {
					o = new Outcome.NotAPeer("no Herald peer service on " + host.getHostAddress() + ":" + port + " (remembered for "
							+ PeerDiscovery.LEGACY_FOR.toMinutes() + " minutes)");
				} else if (!PeerClient.probe(identity, host, port, connect)) {
					discovery.legacy(host, port);
					o = new Outcome.NotAPeer("no Herald peer service on " + host.getHostAddress() + ":" + port);
				} else {
					if (client == null) {
						client = new PeerClient(identity, IdentityKey.loadOrCreate(channel.workspace()), PeerPins.in(channel.workspace()), port, connect,
								timeout);
					}
					o = client.send(name, host, List.of(text), urgent);
					if (!(o instanceof Outcome.NotAPeer)) {
						discovery.peer(host, port);
					}
				}
				Optional<Inet4Address> at = Optional.of(host);
				switch (o) {
				case Outcome.Answered a -> {
					Answer answer = a.answers().get(0);
					if (answer.status() == Status.STORED) {
						peer.add(Delivery.encrypted(label, host, "stored; key " + a.pin().name().toLowerCase(Locale.ROOT)));
					} else {
						peer.add(Delivery.peerFailed(label, at, answer.status() == Status.REFUSED ? FailureReason.REFUSED : FailureReason.ERROR_STATUS,
								answer.toString()));
					}
				}
				case Outcome.KeyChanged k -> peer.add(Delivery.peerFailed(label, at, FailureReason.KEY_CHANGED,
						"refused because the pinned key changed: pinned " + k.pinned() + ", presented " + k.presented() + "; if " + name
								+ " was reinstalled: herald peers forget " + name));
				case Outcome.Failed f -> peer.add(Delivery.peerFailed(label, at, FailureReason.NETWORK_ERROR, f.why()));
				case Outcome.NotAPeer n -> {
					if (require) {
						peer.add(Delivery.peerFailed(label, at, FailureReason.NOT_A_PEER, "--encrypt=require: " + n.why()));
					} else {
						legacy.add(r);
					}
				}
				}
			} finally {
				routes.add(peer.size() > peers ? Route.PEER : plain.size() > plains ? Route.PLAIN : Route.LEGACY);
			}
		}
		return new Split(peer, plain, legacy, routes);
	}
}
