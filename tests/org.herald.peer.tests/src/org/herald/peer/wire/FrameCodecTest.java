/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.peer.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.HexFormat;

import org.herald.peer.wire.FrameException.Reason;
import org.junit.jupiter.api.Test;

class FrameCodecTest {

	private static final HexFormat HEX = HexFormat.of();

	@Test
	void layout() {
		Frame frame = new Frame(Frame.TRANSPORT, 0x0102030405060708L, new byte[] { (byte) 0xAA, (byte) 0xBB });
		assertEquals("02" + "00000002" + "0102030405060708" + "aabb", HEX.formatHex(FrameCodec.encode(frame)));
		assertEquals("01" + "00000000" + "0000000000000002", HEX.formatHex(FrameCodec.header(Frame.HANDSHAKE, 0, 2)));
	}

	@Test
	void roundTrip() throws Exception {
		Frame frame = new Frame(Frame.HANDSHAKE, 1, new byte[] { 1, 2, 3 });
		assertEquals(frame, FrameCodec.decode(FrameCodec.encode(frame)));
		Frame largest = new Frame(Frame.TRANSPORT, -2L, new byte[FrameCodec.MAX_BODY]);
		assertEquals(largest, FrameCodec.decode(FrameCodec.encode(largest)));
	}

	@Test
	void truncatedHeaderOrBody() {
		byte[] encoded = FrameCodec.encode(new Frame(Frame.TRANSPORT, 5, new byte[20]));
		assertReason(Reason.TRUNCATED, () -> FrameCodec.decode(java.util.Arrays.copyOf(encoded, 12)));
		assertReason(Reason.TRUNCATED, () -> FrameCodec.decode(java.util.Arrays.copyOf(encoded, encoded.length - 1)));
		assertReason(Reason.TRUNCATED, () -> FrameCodec.decode(new byte[0]));
	}

	@Test
	void trailingBytesAndUnknownTypes() {
		byte[] encoded = FrameCodec.encode(new Frame(Frame.TRANSPORT, 5, new byte[20]));
		assertReason(Reason.MALFORMED, () -> FrameCodec.decode(java.util.Arrays.copyOf(encoded, encoded.length + 1)));
		byte[] unknown = encoded.clone();
		unknown[0] = 7;
		assertReason(Reason.MALFORMED, () -> FrameCodec.decode(unknown));
		assertThrows(IllegalArgumentException.class, () -> new Frame(0, 0, new byte[0]));
	}

	@Test
	void oversizedLengthsAreRefused() {
		assertReason(Reason.OVERSIZED, () -> FrameCodec.decode(HEX.parseHex("02" + "00010000" + "0000000000000000")));
		assertReason(Reason.OVERSIZED, () -> FrameCodec.decode(HEX.parseHex("02" + "ffffffff" + "0000000000000000")));
		assertReason(Reason.OVERSIZED, () -> FrameCodec.decode(HEX.parseHex("02" + "80000000" + "0000000000000000")));
		assertThrows(IllegalArgumentException.class, () -> new Frame(Frame.TRANSPORT, 0, new byte[FrameCodec.MAX_BODY + 1]));
	}

	@Test
	void readsFramesFromAStreamUntilItsEnd() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Frame a = new Frame(Frame.HANDSHAKE, 0, new byte[] { 1 });
		Frame b = new Frame(Frame.TRANSPORT, 0, new byte[17]);
		out.writeBytes(FrameCodec.encode(a));
		out.writeBytes(FrameCodec.encode(b));
		InputStream in = new ByteArrayInputStream(out.toByteArray());
		assertEquals(a, FrameCodec.read(in));
		assertEquals(b, FrameCodec.read(in));
		assertNull(FrameCodec.read(in));
	}

	@Test
	void streamEndingInsideAFrame() {
		byte[] encoded = FrameCodec.encode(new Frame(Frame.TRANSPORT, 0, new byte[30]));
		assertReason(Reason.TRUNCATED, () -> FrameCodec.read(new ByteArrayInputStream(encoded, 0, 5)));
		assertReason(Reason.TRUNCATED, () -> FrameCodec.read(new ByteArrayInputStream(encoded, 0, encoded.length - 1)));
	}

	@Test
	void oversizedLengthOnAStreamReadsNoFurther() {
		// A stream announcing 4 GiB and offering endless bytes: refused after the header, nothing allocated for the body.
		CountingZeros in = new CountingZeros(HEX.parseHex("02" + "ffffffff" + "0000000000000000"));
		assertReason(Reason.OVERSIZED, () -> FrameCodec.read(in));
		assertEquals(FrameCodec.HEADER_LENGTH, in.read);
	}

	@Test
	void statsCountByReason() {
		FrameStats stats = new FrameStats(5, 1, 2, 3, 4, 5, 6);
		assertEquals(21, stats.rejected());
		assertEquals(4, stats.count(Reason.TAMPERED));
		assertEquals(6, stats.count(Reason.REORDERED));
	}

	private static void assertReason(Reason reason, org.junit.jupiter.api.function.Executable call) {
		FrameException e = assertThrows(FrameException.class, call);
		assertEquals(reason, e.reason(), e.getMessage());
	}

	/** The given header, then zeros without end; counts the bytes taken. */
	private static final class CountingZeros extends InputStream {
		private final byte[] header;
		long read;

		CountingZeros(byte[] header) {
			this.header = header;
		}

		@Override
		public int read() {
			if (read < header.length) {
				return header[(int) read++] & 0xFF;
			}
			read++;
			return 0;
		}
	}
}
