/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.netbios;

import java.net.Inet4Address;
import java.time.Instant;
import java.util.Optional;

import org.herald.api.NetbiosName;

/**
 * Something that happened to a name of Herald's table.
 *
 * @param time    when
 * @param kind    what
 * @param name    which name
 * @param peer    the other node involved (the owner, the challenger, the WINS server), if any
 * @param message one line for a log or a status bar
 */
public record NameEvent(Instant time, Kind kind, NetbiosName name, Optional<Inet4Address> peer, String message) {

	public enum Kind {
		/** The name is registered (with WINS) or went unopposed (broadcast). */
		REGISTERED,
		/** Registration refused: another node owns the name. */
		REFUSED,
		/** A WINS server asked to wait (WACK) while it checks the current owner. */
		WAITING,
		/** Herald refused another node's registration of one of its names. */
		DEFENDED,
		/** A name conflict demand came: another node holds the name too. */
		CONFLICT,
		/** The WINS registration was refreshed. */
		REFRESHED,
		/** The name was released. */
		RELEASED,
		/** The WINS server did not answer; the name went to broadcast mode, or a refresh failed. */
		UNANSWERED
	}

	@Override
	public String toString() {
		return kind + " " + name + (peer.map(p -> " " + p.getHostAddress()).orElse("")) + ": " + message;
	}
}
