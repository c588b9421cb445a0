/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger;

import java.nio.file.Path;

/**
 * How a sender uses Herald's encrypted peer channel.
 *
 * @param workspace where the identity key and the pins are ({@code peer-identity.key}, {@code peer-pins.txt})
 * @param policy    when to encrypt
 * @param port      the peers' TCP port (1139 by default); 0 means plain only
 */
public record PeerChannel(Path workspace, EncryptionPolicy policy, int port) {

	public static final int DEFAULT_PORT = org.herald.peer.PeerService.DEFAULT_PORT;

	public PeerChannel {
		if (workspace == null || policy == null) {
			throw new IllegalArgumentException("a peer channel needs a workspace and a policy");
		}
		if (port < 0 || port > 65535) {
			throw new IllegalArgumentException("the peer port is 0 to 65535, not " + port);
		}
	}

	/** The workspace's keys and pins, the standard port. */
	public static PeerChannel of(Path workspace, EncryptionPolicy policy) {
		return new PeerChannel(workspace, policy, DEFAULT_PORT);
	}
}
