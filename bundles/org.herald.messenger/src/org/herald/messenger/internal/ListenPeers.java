/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;

import org.herald.api.Identity;
import org.herald.api.MessageSink;
import org.herald.api.cli.CommandContext;
import org.herald.peer.Fingerprint;
import org.herald.peer.IdentityKey;
import org.herald.peer.PeerPins;
import org.herald.peer.PeerService;

/** {@code herald listen}'s peer service: encrypted messages from Heralds into the same sink, warnings on the terminal. */
final class ListenPeers {

	private ListenPeers() {
	}

	/**
	 * Starts the peer service on {@code port} (0: none) with the workspace's key and pins, answering
	 * to {@code aliases} (the names of this host's aliases and users) besides its own name.
	 */
	static AutoCloseable start(Identity identity, java.util.function.Predicate<String> aliases, int port, CommandContext context, MessageSink sink)
			throws IOException {
		if (port == 0) {
			return () -> {
			};
		}
		IdentityKey key = IdentityKey.loadOrCreate(context.workspace());
		PeerPins pins = PeerPins.in(context.workspace());
		PrintStream out = context.out();
		PeerService service = PeerService.start(identity, aliases, port, key, pins, sink, new PeerService.Listener() {
			@Override
			public void keyChanged(String name, InetAddress from, Fingerprint pinned, Fingerprint presented) {
				synchronized (out) {
					out.printf("WARNING: %s (%s) presented another key than the one pinned for it: its messages are QUARANTINED and shown as "
							+ "'?%s (key changed)'.%n  pinned:    %s%n  presented: %s%n  If the peer was reinstalled: herald peers forget %s%n",
							name, from.getHostAddress(), name, pinned, presented, name);
					out.flush();
				}
			}

			@Override
			public void newPeer(String name, Fingerprint fingerprint) {
				synchronized (out) {
					out.printf("peer: pinned %s's key on first use, fingerprint %s%n", name, fingerprint);
					out.flush();
				}
			}
		}, PeerService.Limits.defaults());
		synchronized (out) {
			out.printf("peer service on tcp %d (encrypted), our fingerprint %s%n", port, key.fingerprint());
			out.flush();
		}
		return service;
	}
}
