/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.netbios.wire;

import static org.herald.netbios.wire.NbnsCodecTest.HERALD_ENCODED;
import static org.herald.netbios.wire.NbnsCodecTest.frame;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Bad input raises {@link MalformedPacketException}, and nothing else. */
class NbnsCodecMalformedTest {

	private static List<byte[]> sambaFrames() throws IllegalAccessException {
		List<byte[]> frames = new ArrayList<>();
		for (Field f : SambaFrames.class.getDeclaredFields()) {
			if (f.getType() == byte[].class) {
				frames.add((byte[]) f.get(null));
			}
		}
		return frames;
	}

	private static void malformed(byte[] packet, String messagePart) {
		MalformedPacketException e = assertThrows(MalformedPacketException.class, () -> NbnsCodec.decode(packet));
		assertTrue(e.getMessage().contains(messagePart), () -> "message '" + e.getMessage() + "' lacks '" + messagePart + "'");
	}

	@Test
	void everyTruncationOfEverySambaFrameIsMalformed() throws Exception {
		int checked = 0;
		for (byte[] f : sambaFrames()) {
			for (int len = 0; len < f.length; len++) {
				byte[] cut = Arrays.copyOf(f, len);
				assertThrows(MalformedPacketException.class, () -> NbnsCodec.decode(cut), () -> "length " + cut.length);
				checked++;
			}
		}
		assertTrue(checked > 700);
	}

	@Test
	void shorterThanTheHeader() {
		malformed(new byte[11], "shorter than the NBNS header");
	}

	@Test
	void oversizedCounts() {
		malformed(frame("0001 0000 ffff 0000 0000 0000", "20", "'" + HERALD_ENCODED, "00", "0020 0001"), "section counts");
		malformed(frame("0001 8000 0000 0001 ffff ffff", "20", "'" + HERALD_ENCODED, "00", "0020 0001 00000000 0000"),
				"section counts");
	}

	@Test
	void reservedFlagBits() {
		malformed(frame("0001 0020 0001 0000 0000 0000", "20", "'" + HERALD_ENCODED, "00", "0020 0001"), "reserved NM_FLAGS");
	}

	@Test
	void compressionPointerToItselfOrForward() {
		malformed(frame("0001 0000 0001 0000 0000 0000", "c00c", "0020 0001"), "loop or forward");
		malformed(frame("0001 0000 0001 0000 0000 0000", "c010", "0020 0001", "0000"), "loop or forward");
	}

	@Test
	void compressionChainLongerThanAnyRealName() {
		// Pointers may only go backwards, so a chain of them is finite but must still be bounded.
		StringBuilder chain = new StringBuilder("20" + HexOf.ascii(HERALD_ENCODED) + "00 0020 0001");
		int qd = 1;
		int at = 12;
		for (int i = 0; i < 20; i++) {
			int here = 12 + chain.toString().replace(" ", "").length() / 2;
			chain.append(String.format("%04x 0020 0001", 0xC000 | at));
			at = here;
			qd++;
		}
		malformed(frame(String.format("0001 0000 %04x 0000 0000 0000", qd), chain.toString()), "loop or forward");
	}

	@Test
	void labelsThatAreNotAnEncodedName() {
		malformed(frame("0001 0000 0001 0000 0000 0000", "10", "'EIEFFCEBEMEECACA", "00", "0020 0001"), "expected 32");
		malformed(frame("0001 0000 0001 0000 0000 0000", "20", "'" + HERALD_ENCODED.replace('E', 'Z'), "00", "0020 0001"),
				"not a first-level encoded name");
		malformed(frame("0001 0000 0001 0000 0000 0000", "8000", "0020 0001"), "reserved label type");
	}

	@Test
	void rdataLengthsThatDoNotFit() {
		String answer = "0001 8000 0000 0001 0000 0000 20" + HexOf.ascii(HERALD_ENCODED) + "00";
		malformed(frame(answer, "0020 0001 00000000 0005 0000 c6336407"), "not a multiple of 6");
		malformed(frame(answer, "0020 0001 00000000 000c 0000 c6336407"), "truncated RDATA");
		malformed(frame(answer, "0021 0001 00000000 0013 02", "'HERALD         ", "00 0400"), "node status names do not fit");
		String wack = "0001 b800 0000 0001 0000 0000 20" + HexOf.ascii(HERALD_ENCODED) + "00";
		malformed(frame(wack, "0020 0001 0000003c 0006 0000 c6336407"), "WACK RDATA");
	}

	@Test
	void randomMutationsOnlyEverRaiseMalformedPacketException() throws Exception {
		Random random = new Random(1002);
		int decoded = 0;
		int rejected = 0;
		for (byte[] original : sambaFrames()) {
			for (int round = 0; round < 5000; round++) {
				byte[] m = original.clone();
				int changes = 1 + random.nextInt(4);
				for (int c = 0; c < changes; c++) {
					m[random.nextInt(m.length)] = (byte) random.nextInt(256);
				}
				try {
					NbnsPacket p = NbnsCodec.decode(m);
					NbnsCodec.encode(p);
					decoded++;
				} catch (MalformedPacketException e) {
					rejected++;
				} catch (RuntimeException e) {
					fail("decoding " + java.util.HexFormat.of().formatHex(m) + " threw " + e, e);
				}
			}
		}
		assertEquals(60000, decoded + rejected);
		assertTrue(decoded > 0 && rejected > 0, "mutations both pass and fail: " + decoded + "/" + rejected);
	}

	@Test
	void randomBytesOnlyEverRaiseMalformedPacketException() {
		Random random = new Random(1001);
		for (int round = 0; round < 20000; round++) {
			byte[] b = new byte[random.nextInt(80)];
			random.nextBytes(b);
			try {
				NbnsCodec.decode(b);
			} catch (MalformedPacketException e) {
				// expected for almost all of them
			} catch (RuntimeException e) {
				fail("decoding " + java.util.HexFormat.of().formatHex(b) + " threw " + e, e);
			}
		}
	}

	/** Hex of ASCII text, to write encoded names inside hex strings. */
	static final class HexOf {
		static String ascii(String s) {
			return java.util.HexFormat.of().formatHex(s.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
		}
	}
}
