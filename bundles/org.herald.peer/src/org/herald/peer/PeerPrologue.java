/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.peer;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.herald.api.NetbiosName;

/**
 * The Noise prologue of a Herald peer session (spec section 6): both sides hash it, so a session
 * only completes when they agree on the protocol version and on who called whom. An attacker who
 * relays a session between other names, or downgrades the version, breaks the handshake.
 *
 * <p>Layout: the ASCII tag {@code HERALD-PEER-PROLOGUE}, then the version, the initiator's and the
 * responder's NetBIOS names, each as one length byte and its bytes. Names are in canonical form:
 * upper-cased as {@link NetbiosName} does, no padding, no suffix, one byte per character.
 */
public final class PeerPrologue {

	/** The version of Herald's peer protocol that this bundle speaks. */
	public static final String VERSION = "herald-peer/1";
	static final String TAG = "HERALD-PEER-PROLOGUE";

	private PeerPrologue() {
	}

	public static byte[] of(String initiatorName, String responderName) {
		return of(VERSION, initiatorName, responderName);
	}

	public static byte[] of(String version, String initiatorName, String responderName) {
		if (version.isEmpty() || version.length() > 255 || !StandardCharsets.US_ASCII.newEncoder().canEncode(version)) {
			throw new IllegalArgumentException("a protocol version is 1-255 ASCII characters: " + version);
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(TAG.getBytes(StandardCharsets.US_ASCII));
		field(out, version.getBytes(StandardCharsets.US_ASCII));
		field(out, canonical(initiatorName).getBytes(StandardCharsets.ISO_8859_1));
		field(out, canonical(responderName).getBytes(StandardCharsets.ISO_8859_1));
		return out.toByteArray();
	}

	/** A NetBIOS name as the prologue and the pin store hold it: stripped of padding, upper-cased. */
	public static String canonical(String name) {
		String stripped = name.strip();
		String problem = NetbiosName.problemWith(stripped);
		if (problem != null) {
			throw new IllegalArgumentException(problem);
		}
		return new NetbiosName(stripped, NetbiosName.WORKSTATION).name();
	}

	private static void field(ByteArrayOutputStream out, byte[] bytes) {
		out.write(bytes.length);
		out.writeBytes(bytes);
	}
}
