/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.peer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.herald.peer.noise.HandshakePattern;
import org.herald.peer.wire.Frame;
import org.herald.peer.wire.FrameCodec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NoiseSessionTest {

	@TempDir
	Path root;
	private IdentityKey alice;
	private IdentityKey bob;
	private final byte[] prologue = PeerPrologue.of("ALICE", "BOB");

	@BeforeEach
	void identities() throws Exception {
		alice = IdentityKey.loadOrCreate(root.resolve("alice"));
		bob = IdentityKey.loadOrCreate(root.resolve("bob"));
	}

	@Test
	void xxHandshakeAsFramesThenTransport() throws Exception {
		NoiseSession initiator = NoiseSession.initiator(alice, prologue);
		NoiseSession responder = NoiseSession.responder(bob, prologue);
		assertTrue(initiator.isMyTurn());
		assertNull(initiator.remoteStatic());

		byte[] first = initiator.writeMessage(text("hello"));
		Frame decoded = FrameCodec.decode(first);
		assertEquals(Frame.HANDSHAKE, decoded.type());
		assertEquals(0, decoded.counter());
		assertArrayEquals(text("hello"), responder.readMessage(first));
		assertArrayEquals(text("I am BOB"), initiator.readMessage(responder.writeMessage(text("I am BOB"))));
		assertEquals(bob.publicKey(), initiator.remoteStatic());
		byte[] third = initiator.writeMessage(text("I am ALICE"));
		assertEquals(2, FrameCodec.decode(third).counter());
		assertArrayEquals(text("I am ALICE"), responder.readMessage(third));

		assertTrue(initiator.isComplete() && responder.isComplete());
		assertEquals(alice.publicKey(), responder.remoteStatic());
		assertArrayEquals(initiator.handshakeHash(), responder.handshakeHash());
		assertArrayEquals(text("message"), responder.transport().open(initiator.transport().seal(text("message"))));
		assertArrayEquals(text("reply"), initiator.transport().open(responder.transport().seal(text("reply"))));
		assertThrows(IllegalStateException.class, () -> initiator.writeMessage(new byte[0]));
	}

	@Test
	void ikForAPinnedResponder() throws Exception {
		NoiseSession initiator = NoiseSession.initiator(alice, prologue, bob.publicKey());
		NoiseSession responder = NoiseSession.responder(bob, prologue, HandshakePattern.IK);
		assertEquals(HandshakePattern.IK, initiator.pattern());
		responder.readMessage(initiator.writeMessage(text("hi")));
		assertEquals(alice.publicKey(), responder.remoteStatic());
		initiator.readMessage(responder.writeMessage(new byte[0]));
		assertTrue(initiator.isComplete() && responder.isComplete());
		assertArrayEquals(text("fast"), responder.transport().open(initiator.transport().seal(text("fast"))));
	}

	@Test
	void ikToAnImpostorFails() throws Exception {
		IdentityKey mallory = IdentityKey.loadOrCreate(root.resolve("mallory"));
		NoiseSession initiator = NoiseSession.initiator(alice, prologue, bob.publicKey());
		NoiseSession impostor = NoiseSession.responder(mallory, prologue, HandshakePattern.IK);
		byte[] first = initiator.writeMessage(text("secret"));
		assertThrows(HandshakeException.class, () -> impostor.readMessage(first));
		assertFalse(impostor.isComplete());
	}

	@Test
	void handshakeFramesOutOfTurnEndTheSession() throws Exception {
		NoiseSession initiator = NoiseSession.initiator(alice, prologue);
		NoiseSession responder = NoiseSession.responder(bob, prologue);
		byte[] first = initiator.writeMessage(new byte[0]);
		byte[] misnumbered = FrameCodec.encode(new Frame(Frame.HANDSHAKE, 1, FrameCodec.decode(first).body()));
		assertThrows(HandshakeException.class, () -> responder.readMessage(misnumbered));
		// The session failed: even the right frame is refused now.
		assertThrows(HandshakeException.class, () -> responder.readMessage(first));
		assertFalse(responder.isMyTurn());
		assertThrows(IllegalStateException.class, responder::transport);

		NoiseSession fresh = NoiseSession.responder(bob, prologue);
		assertThrows(HandshakeException.class, () -> fresh.readMessage(FrameCodec.encode(new Frame(Frame.TRANSPORT, 0, new byte[32]))));
		assertThrows(HandshakeException.class, () -> NoiseSession.responder(bob, prologue).readMessage(new byte[5]));
	}

	@Test
	void pinsDecideWhoTheAuthenticatedKeyBelongsTo() throws Exception {
		PeerPins pins = PeerPins.in(root.resolve("alice"));
		assertEquals(PinStatus.NEW, pins.check("BOB", handshakeWith(bob)).status());
		assertEquals(PinStatus.MATCH, pins.check("BOB", handshakeWith(bob)).status());
		// Someone else answers as BOB: the handshake succeeds, the pin says CHANGED.
		IdentityKey mallory = IdentityKey.loadOrCreate(root.resolve("mallory"));
		PinCheck impostor = pins.check("BOB", handshakeWith(mallory));
		assertEquals(PinStatus.CHANGED, impostor.status());
		assertEquals(mallory.publicKey(), impostor.presented());
		assertEquals(bob.publicKey(), impostor.pin().key());
	}

	private PeerKey handshakeWith(IdentityKey responderIdentity) throws Exception {
		NoiseSession initiator = NoiseSession.initiator(alice, prologue);
		NoiseSession responder = NoiseSession.responder(responderIdentity, prologue);
		responder.readMessage(initiator.writeMessage(new byte[0]));
		initiator.readMessage(responder.writeMessage(new byte[0]));
		responder.readMessage(initiator.writeMessage(new byte[0]));
		return initiator.remoteStatic();
	}

	private static byte[] text(String s) {
		return s.getBytes(StandardCharsets.UTF_8);
	}
}
