/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.peer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

class PeerPrologueTest {

	@Test
	void layout() {
		// "HERALD-PEER-PROLOGUE", then length-prefixed "herald-peer/1", "ALICE", "BOB".
		assertEquals("484552414c442d504545522d50524f4c4f4755450d686572616c642d706565722f3105414c49434503424f42",
				HexFormat.of().formatHex(PeerPrologue.of("ALICE", "BOB")));
	}

	@Test
	void namesAreCanonical() {
		assertArrayEquals(PeerPrologue.of("ALICE", "BOB"), PeerPrologue.of(" alice ", "Bob"));
		assertEquals("WORK-PC", PeerPrologue.canonical("work-pc   "));
	}

	@Test
	void directionVersionAndNamesAllCount() {
		byte[] base = PeerPrologue.of("ALICE", "BOB");
		assertFalse(Arrays.equals(base, PeerPrologue.of("BOB", "ALICE")));
		assertFalse(Arrays.equals(base, PeerPrologue.of("herald-peer/2", "ALICE", "BOB")));
		// Length prefixes: moving a letter from one name to the other changes the bytes.
		assertFalse(Arrays.equals(PeerPrologue.of("AB", "C"), PeerPrologue.of("A", "BC")));
	}

	@Test
	void badNamesAndVersions() {
		assertThrows(IllegalArgumentException.class, () -> PeerPrologue.of("", "BOB"));
		assertThrows(IllegalArgumentException.class, () -> PeerPrologue.of("A*B", "BOB"));
		assertThrows(IllegalArgumentException.class, () -> PeerPrologue.of("SIXTEEN-CHARS-XX", "BOB"));
		assertThrows(IllegalArgumentException.class, () -> PeerPrologue.of("", "ALICE", "BOB"));
		assertThrows(IllegalArgumentException.class, () -> PeerPrologue.of("v\u00e9", "ALICE", "BOB"));
	}

	@Test
	void sessionsWithDifferentProloguesDoNotComplete() throws Exception {
		NoiseSession alice = NoiseSession.create(org.herald.peer.noise.HandshakePattern.XX, true,
				org.herald.peer.noise.X25519.generateKeyPair(new java.security.SecureRandom()), PeerPrologue.of("ALICE", "BOB"), null);
		// The responder believes CAROL called: a relayed session.
		NoiseSession bob = NoiseSession.create(org.herald.peer.noise.HandshakePattern.XX, false,
				org.herald.peer.noise.X25519.generateKeyPair(new java.security.SecureRandom()), PeerPrologue.of("CAROL", "BOB"), null);
		bob.readMessage(alice.writeMessage(new byte[0]));
		byte[] second = bob.writeMessage(new byte[0]);
		assertThrows(HandshakeException.class, () -> alice.readMessage(second));
	}
}
