/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.netbios.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;

import org.junit.jupiter.api.Test;

/** The mailslot name of a hand-built mailslot write (MS-MAIL 2.2.1). */
class MailslotNameTest {

	/**
	 * SMB header (command 0x25, all else 0), WordCount 17, the 17 words of a write of 2 data bytes
	 * (DataOffset 87), ByteCount 20, "\MAILSLOT\MESSNGR" NUL, data "hi".
	 */
	static final String WRITE = "ff534d42250000000000000000000000000000000000000000000000000000" + "00" // header
			+ "11" + "0000" + "0200" + "0000" + "0000" + "00" + "00" + "0000" + "00000000" + "0000" + "0000" + "5700" + "0200" + "5700" + "03"
			+ "00" + "0100" + "0100" + "0200" // words
			+ "1400" + "5c4d41494c534c4f545c4d4553534e475200" + "6869";

	@Test
	void readsTheTransactionName() throws Exception {
		assertEquals("\\MAILSLOT\\MESSNGR", MailslotName.read(HexFormat.of().parseHex(WRITE)));
	}

	@Test
	void rejectsWhatIsNoTransaction() {
		byte[] w = HexFormat.of().parseHex(WRITE);
		w[4] = 0x42;
		assertThrows(MalformedPacketException.class, () -> MailslotName.read(w));
		byte[] notSmb = HexFormat.of().parseHex(WRITE);
		notSmb[1] = 'X';
		assertThrows(MalformedPacketException.class, () -> MailslotName.read(notSmb));
		assertThrows(MalformedPacketException.class, () -> MailslotName.read(HexFormat.of().parseHex("ff534d4225")));
		byte[] shortCount = HexFormat.of().parseHex(WRITE);
		shortCount[32 + 1 + 34] = 5; // ByteCount 5: the name's NUL lies beyond it
		assertThrows(MalformedPacketException.class, () -> MailslotName.read(shortCount));
		byte[] wordsPastEnd = HexFormat.of().parseHex(WRITE);
		wordsPastEnd[32] = (byte) 0xFF;
		assertThrows(MalformedPacketException.class, () -> MailslotName.read(wordsPastEnd));
	}
}
