/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;

import org.herald.messenger.wire.WinPopupBody;
import org.herald.netbios.wire.MailslotName;
import org.herald.netbios.wire.MalformedPacketException;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.herald.smb.wire.MailslotWrite;

/**
 * Mailslot writes, the user data of a datagram: {@link MailslotName#read} (how the datagram service
 * routes), {@link MailslotWrite#parse} (how the receivers read) and the WinPopup body
 * {@code from\0to\0text\0}.
 */
class MailslotFuzzTest {

	@FuzzTest
	void mailslot(byte[] data) throws MalformedPacketException {
		String routed = null;
		try {
			routed = MailslotName.read(data);
		} catch (MalformedPacketException e) {
			// refused
		}
		try {
			MailslotWrite w = MailslotWrite.parse(data);
			// The service routes by the name the receiver then reads.
			assertEquals(w.mailslot(), routed);
			w.isForMessenger();
			if (StandardCharsets.US_ASCII.newEncoder().canEncode(w.mailslot())) {
				MailslotWrite again = MailslotWrite.parse(w.encode());
				assertEquals(w.mailslot(), again.mailslot());
				assertEquals(w.priority(), again.priority());
				assertEquals(w.mailslotClass(), again.mailslotClass());
				assertArrayEquals(w.data(), again.data());
			}
		} catch (MalformedPacketException e) {
			// refused
		}
		WinPopupBody body;
		try {
			body = WinPopupBody.parse(data);
		} catch (MalformedPacketException e) {
			return;
		}
		WinPopupBody again = WinPopupBody.parse(body.encode());
		assertArrayEquals(body.from(), again.from());
		assertArrayEquals(body.to(), again.to());
		assertArrayEquals(body.text(), again.text());
	}
}
