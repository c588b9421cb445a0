/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.internal;

import java.io.IOException;
import java.net.Inet4Address;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.herald.api.Identity;
import org.herald.api.NetbiosName;
import org.herald.api.cli.UsageException;
import org.herald.messenger.NameResolver;
import org.herald.messenger.Recipient;
import org.herald.peer.IdentityKey;
import org.herald.peer.PeerClient;
import org.herald.peer.PeerClient.Outcome;
import org.herald.peer.PeerMessage.Answer;
import org.herald.peer.PeerMessage.Status;
import org.herald.peer.PeerPins;

/**
 * {@code herald send}'s choice between the encrypted peer channel and plain NET SEND / WinPopup. A
 * recipient given by name or by address is tried on the peer port first (a short connect: that is
 * Herald's discovery); a Herald peer gets the message encrypted, a host whose port does not take
 * the connection is a legacy peer and gets it in plain text (unless the policy is {@code require}).
 * Workgroups and ranges always go plain.
 */
final class PeerRouting {

	enum Policy {
		AUTO, REQUIRE, NEVER;

		static Policy parse(String text) throws UsageException {
			return switch (text) {
			case "auto" -> AUTO;
			case "require" -> REQUIRE;
			case "never" -> NEVER;
			default -> throw new UsageException("--encrypt takes auto, require or never, not " + text);
			};
		}
	}

	/** Lines for the recipients handled here, and the recipients left for the plain sender. */
	record Split(List<String> lines, boolean failed, List<Recipient> plain, Set<Recipient> legacy) {
	}

	private PeerRouting() {
	}

	static Split route(Identity identity, Path workspace, NameResolver resolver, List<Recipient> recipients, String from, String text,
			Policy policy, int port, Duration timeout) throws IOException, InterruptedException {
		List<String> lines = new ArrayList<>();
		List<Recipient> plain = new ArrayList<>();
		Set<Recipient> legacy = new HashSet<>();
		boolean failed = false;
		if (policy == Policy.NEVER || port == 0) {
			return new Split(lines, false, recipients, legacy);
		}
		Duration connect = timeout.compareTo(Duration.ofSeconds(2)) < 0 ? timeout : Duration.ofSeconds(2);
		PeerClient client = null; // the key and pins are opened only once a Herald peer answered
		for (Recipient r : recipients) {
			String label;
			String name;
			Inet4Address host;
			if (r instanceof Recipient.Name n) {
				label = n.name().name();
				name = n.name().name();
				List<Inet4Address> found = resolver.resolve(n.name());
				if (found.isEmpty()) {
					plain.add(r); // the plain sender reports name-not-found
					continue;
				}
				host = found.get(0);
			} else if (r instanceof Recipient.Address a) {
				host = a.address();
				label = host.getHostAddress();
				Optional<NetbiosName> held = resolver.messengerNameOf(host);
				if (held.isEmpty()) {
					if (policy == Policy.REQUIRE) {
						lines.add(label + " " + label + " peer failed not-a-peer (--encrypt=require: no NetBIOS name to authenticate it by)");
						failed = true;
					} else {
						plain.add(r);
					}
					continue;
				}
				name = held.get().name();
			} else {
				if (policy == Policy.REQUIRE) {
					lines.add(r + " - peer failed not-a-peer (--encrypt=require: workgroups and ranges go plain only)");
					failed = true;
				} else {
					plain.add(r);
				}
				continue;
			}
			String at = label + " " + host.getHostAddress() + " peer ";
			Outcome o;
			if (!PeerClient.probe(identity, host, port, connect)) {
				o = new Outcome.NotAPeer("no Herald peer service on " + host.getHostAddress() + ":" + port);
			} else {
				if (client == null) {
					client = new PeerClient(identity, IdentityKey.loadOrCreate(workspace), PeerPins.in(workspace), port, connect, timeout);
				}
				o = client.send(name, host, List.of(text), false);
			}
			switch (o) {
			case Outcome.Answered a -> {
				Answer answer = a.answers().get(0);
				if (answer.status() == Status.STORED) {
					lines.add(at + "delivered encrypted (stored; key " + a.pin().name().toLowerCase(java.util.Locale.ROOT) + ")");
				} else {
					lines.add(at + "failed " + (answer.status() == Status.REFUSED ? "refused" : "error-status") + " encrypted (" + answer + ")");
					failed = true;
				}
			}
			case Outcome.KeyChanged k -> {
				lines.add(at + "failed key-changed (refused because the pinned key changed: pinned " + k.pinned() + ", presented "
						+ k.presented() + "; if " + name + " was reinstalled: herald peers forget " + name + ")");
				failed = true;
			}
			case Outcome.Failed f -> {
				lines.add(at + "failed network-error encrypted (" + f.why() + ")");
				failed = true;
			}
			case Outcome.NotAPeer n -> {
				if (policy == Policy.REQUIRE) {
					lines.add(at + "failed not-a-peer (--encrypt=require: " + n.why() + ")");
					failed = true;
				} else {
					plain.add(r);
					legacy.add(r);
				}
			}
			}
		}
		return new Split(lines, failed, plain, legacy);
	}
}
