/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.peer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.herald.peer.wire.Frame;
import org.herald.peer.wire.FrameCodec;
import org.herald.peer.wire.FrameException;
import org.herald.peer.wire.FrameException.Reason;
import org.herald.peer.wire.FrameStats;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class TransportTest {

	private Transport alice;
	private Transport bob;

	@BeforeEach
	void handshake() throws Exception {
		NoiseSession[] sessions = TestKeys.completedXx(PeerPrologue.of("ALICE", "BOB"));
		alice = sessions[0].transport();
		bob = sessions[1].transport();
		assertSame(alice, sessions[0].transport());
	}

	@Test
	void sealsAndOpensBothWays() throws Exception {
		for (int i = 0; i < 3; i++) {
			assertArrayEquals(text("to bob " + i), bob.open(alice.seal(text("to bob " + i))));
			assertArrayEquals(text("to alice " + i), alice.open(bob.seal(text("to alice " + i))));
		}
		assertArrayEquals(new byte[0], bob.open(alice.seal(new byte[0])));
		assertEquals(new FrameStats(4, 0, 0, 0, 0, 0, 0), bob.stats());
	}

	@Test
	void frameCarriesItsCounterInTheClear() throws Exception {
		alice.seal(text("zero"));
		Frame second = FrameCodec.decode(alice.seal(text("one")));
		assertEquals(Frame.TRANSPORT, second.type());
		assertEquals(1, second.counter());
		assertEquals(3 + 16, second.body().length);
	}

	@Test
	void tamperedFramesAreRejectedAndCounted() throws Exception {
		byte[] frame = alice.seal(text("pay 10"));
		for (int position : new int[] { FrameCodec.HEADER_LENGTH, frame.length - 1 }) {
			byte[] altered = frame.clone();
			altered[position] ^= 1;
			assertReason(Reason.TAMPERED, () -> bob.open(altered));
		}
		// The counter is authenticated as associated data: moving it breaks the tag.
		byte[] recounted = frame.clone();
		recounted[12] = 1;
		assertReason(Reason.TAMPERED, () -> bob.open(recounted));
		// The untouched frame still opens: nothing fell out of step.
		assertArrayEquals(text("pay 10"), bob.open(frame));
		assertEquals(3, bob.stats().tampered());
		assertEquals(1, bob.stats().accepted());
	}

	@Test
	void truncatedAndOversizedFrames() throws Exception {
		byte[] frame = alice.seal(text("hello"));
		assertReason(Reason.TRUNCATED, () -> bob.open(Arrays.copyOf(frame, frame.length - 3)));
		assertReason(Reason.TRUNCATED, () -> bob.open(Arrays.copyOf(frame, 4)));
		byte[] huge = frame.clone();
		huge[1] = 0x7F;
		assertReason(Reason.OVERSIZED, () -> bob.open(huge));
		assertArrayEquals(text("hello"), bob.open(frame));
		FrameStats stats = bob.stats();
		assertEquals(2, stats.truncated());
		assertEquals(1, stats.oversized());
		assertEquals(3, stats.rejected());
	}

	@Test
	void replayIsRejected() throws Exception {
		byte[] first = alice.seal(text("first"));
		byte[] second = alice.seal(text("second"));
		bob.open(first);
		assertReason(Reason.REPLAYED, () -> bob.open(first));
		bob.open(second);
		assertReason(Reason.REPLAYED, () -> bob.open(second));
		assertReason(Reason.REPLAYED, () -> bob.open(first));
		assertEquals(3, bob.stats().replayed());
		assertEquals(2, bob.stats().accepted());
	}

	@Test
	void reorderIsRejectedWithoutLosingStep() throws Exception {
		byte[] first = alice.seal(text("first"));
		byte[] second = alice.seal(text("second"));
		byte[] third = alice.seal(text("third"));
		assertReason(Reason.REORDERED, () -> bob.open(second));
		assertReason(Reason.REORDERED, () -> bob.open(third));
		assertArrayEquals(text("first"), bob.open(first));
		assertArrayEquals(text("second"), bob.open(second));
		assertArrayEquals(text("third"), bob.open(third));
		assertEquals(new FrameStats(3, 0, 0, 0, 0, 0, 2), bob.stats());
	}

	@Test
	void framesOfTheOtherDirectionOrSessionDoNotOpen() throws Exception {
		byte[] fromAlice = alice.seal(text("mine"));
		// Alice's own frame reflected back at her: her receive key is Bob's send key.
		assertReason(Reason.TAMPERED, () -> alice.open(fromAlice));
		Transport stranger = TestKeys.completedXx(PeerPrologue.of("ALICE", "BOB"))[1].transport();
		assertReason(Reason.TAMPERED, () -> stranger.open(fromAlice));
	}

	@Test
	void handshakeFramesAndTheReservedCounterAreMalformed() throws Exception {
		assertReason(Reason.MALFORMED, () -> bob.open(FrameCodec.encode(new Frame(Frame.HANDSHAKE, 0, new byte[20]))));
		assertReason(Reason.MALFORMED, () -> bob.open(FrameCodec.encode(new Frame(Frame.TRANSPORT, -1L, new byte[20]))));
		assertEquals(2, bob.stats().malformed());
	}

	@Test
	void plaintextLimit() throws Exception {
		byte[] largest = new byte[Transport.MAX_PLAINTEXT];
		largest[largest.length - 1] = 42;
		assertArrayEquals(largest, bob.open(alice.seal(largest)));
		assertThrows(IllegalArgumentException.class, () -> alice.seal(new byte[Transport.MAX_PLAINTEXT + 1]));
	}

	private static void assertReason(Reason reason, Executable call) {
		FrameException e = assertThrows(FrameException.class, call);
		assertEquals(reason, e.reason(), e.getMessage());
	}

	private static byte[] text(String s) {
		return s.getBytes(StandardCharsets.UTF_8);
	}
}
