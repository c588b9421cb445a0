/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.ui.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.function.Consumer;

import org.herald.api.Identity;
import org.herald.api.MessageSink;
import org.herald.peer.Fingerprint;
import org.herald.peer.IdentityKey;
import org.herald.peer.PeerPins;
import org.herald.peer.PeerService;

/**
 * The workbench's peer service: encrypted messages from other Heralds into the same inbox as the
 * NetBIOS receivers, with the workspace's key and pins, as {@code herald listen} runs it. A key
 * that differs from the pinned one is a warning on the status line (its message waits in the
 * inbox's Quarantined view).
 */
public final class WorkbenchPeers {

	/** The port, {@value PeerService#DEFAULT_PORT} unless the system property {@code herald.peer.port} says otherwise (0: none). */
	public static int port() {
		return Integer.getInteger("herald.peer.port", PeerService.DEFAULT_PORT);
	}

	private WorkbenchPeers() {
	}

	/**
	 * Starts the service on {@link #port()} of the identity's interfaces.
	 *
	 * @param warnings told of a changed key, in words for the status line
	 * @return null if the port is 0
	 * @throws IOException if the key or pins cannot be read or the port cannot be bound
	 */
	public static PeerService start(Identity identity, Path workspace, MessageSink sink, Consumer<String> warnings) throws IOException {
		int port = port();
		if (port == 0) {
			return null;
		}
		IdentityKey key = IdentityKey.loadOrCreate(workspace);
		PeerPins pins = PeerPins.in(workspace);
		return PeerService.start(identity, port, key, pins, sink, new PeerService.Listener() {
			@Override
			public void keyChanged(String name, InetAddress from, Fingerprint pinned, Fingerprint presented) {
				warnings.accept("WARNING: " + name + " (" + from.getHostAddress() + ") presented another key than the one pinned for it;"
						+ " its message is quarantined as '?" + name + " (key changed)'. Check it in Message > Herald Peers.");
			}
		}, PeerService.Limits.defaults());
	}
}
