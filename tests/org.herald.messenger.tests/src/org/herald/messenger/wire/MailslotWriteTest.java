/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HexFormat;

import org.herald.netbios.wire.MalformedPacketException;
import org.junit.jupiter.api.Test;
import org.herald.smb.wire.MailslotWrite;

class MailslotWriteTest {

	private static final HexFormat HEX = HexFormat.of();

	private static final String HEADER = "ff534d42" + "25" + "00000000" + "00" + "0000" + "0000" + "0000000000000000" + "0000" + "0000" + "0000"
			+ "0000" + "0000";

	@Test
	void messengerWriteByteExact() throws Exception {
		byte[] body = HEX.parseHex("410042004869210d0a00"); // A\0B\0Hi!\r\n\0
		byte[] smb = MailslotWrite.messenger(body).encode();
		String words = "11" // WordCount 17
				+ "0000" + "0a00" + "0000" + "0000" + "00" + "00" + "0000" + "00000000" + "0000" // totals, max, flags, timeout
				+ "0000" + "5700" + "0a00" + "5700" // ParameterCount 0, ParameterOffset 87, DataCount 10, DataOffset 87
				+ "03" + "00" + "0100" + "0100" + "0200"; // SetupCount 3: write, priority 1, class 2
		String bytes = "1c00" + HEX.formatHex("\\MAILSLOT\\MESSNGR".getBytes()) + "00" + HEX.formatHex(body);
		assertEquals(HEADER + words + bytes, HEX.formatHex(smb));
		assertEquals(87, smb.length - body.length, "DataOffset 87 points exactly at the data");
		MailslotWrite back = MailslotWrite.parse(smb);
		assertTrue(back.isForMessenger());
		assertEquals(1, back.priority());
		assertEquals(2, back.mailslotClass());
		assertArrayEquals(body, back.data());
	}

	@Test
	void otherMailslotsAndCase() throws Exception {
		MailslotWrite browse = new MailslotWrite("\\MAILSLOT\\BROWSE", 0, 2, new byte[] { 1 });
		assertFalse(MailslotWrite.parse(browse.encode()).isForMessenger());
		assertTrue(new MailslotWrite("\\mailslot\\messngr", 1, 2, new byte[0]).isForMessenger());
	}

	@Test
	void dataOffsetMustPointIntoTheDataBlock() {
		byte[] smb = MailslotWrite.messenger(HEX.parseHex("41004200486900")).encode();
		byte[] bad = smb.clone();
		bad[33 + 24] = 0x10; // DataOffset 16: inside the header
		assertThrows(MalformedPacketException.class, () -> MailslotWrite.parse(bad));
		byte[] past = smb.clone();
		past[33 + 24] = (byte) 0xF0; // DataOffset past the end
		assertThrows(MalformedPacketException.class, () -> MailslotWrite.parse(past));
		byte[] notWrite = smb.clone();
		notWrite[33 + 28] = 2; // opcode 2 is not a write
		assertThrows(MalformedPacketException.class, () -> MailslotWrite.parse(notWrite));
		byte[] partial = smb.clone();
		partial[33 + 2] = 0x40; // TotalDataCount > DataCount: a secondary transaction would follow
		assertThrows(MalformedPacketException.class, () -> MailslotWrite.parse(partial));
		byte[] otherCommand = smb.clone();
		otherCommand[4] = (byte) 0xD0;
		assertThrows(MalformedPacketException.class, () -> MailslotWrite.parse(otherCommand));
		assertThrows(MalformedPacketException.class, () -> MailslotWrite.parse(Arrays.copyOf(smb, 80)));
	}

	@Test
	void winPopupBody() throws Exception {
		WinPopupBody b = new WinPopupBody("ALICE".getBytes(), "BOB".getBytes(), "Hi".getBytes());
		assertEquals("414c49434500" + "424f4200" + "486900", HEX.formatHex(b.encode()));
		WinPopupBody back = WinPopupBody.parse(b.encode());
		assertArrayEquals("ALICE".getBytes(), back.from());
		assertArrayEquals("BOB".getBytes(), back.to());
		assertArrayEquals("Hi".getBytes(), back.text());
		assertTrue(back.terminated());
		// trailing padding NULs are accepted
		assertTrue(WinPopupBody.parse(HEX.parseHex("41004200486900000000")).terminated());
		// no closing NUL: accepted, marked
		WinPopupBody open = WinPopupBody.parse(HEX.parseHex("410042004869"));
		assertFalse(open.terminated());
		assertArrayEquals("Hi".getBytes(), open.text());
		assertThrows(MalformedPacketException.class, () -> WinPopupBody.parse(HEX.parseHex("4142")));
		assertThrows(MalformedPacketException.class, () -> WinPopupBody.parse(HEX.parseHex("41004243")));
		assertThrows(MalformedPacketException.class, () -> WinPopupBody.parse(HEX.parseHex("410042004800ff")));
	}
}
