/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.herald.browser.wire.BrowseDatagram;
import org.herald.browser.wire.BrowserFrame;
import org.herald.netbios.wire.MalformedPacketException;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * MS-BRWS: {@link BrowserFrame#parse} on mailslot data, and {@link BrowseDatagram#parse} on a whole
 * UDP 138 payload (datagram, mailslot write, frame), the way the browser reads what arrives.
 */
class BrowserFuzzTest {

	@FuzzTest
	void frame(byte[] input) throws MalformedPacketException {
		try {
			BrowserFrame f = BrowserFrame.parse(input);
			assertEquals(f, BrowserFrame.parse(f.encode()));
		} catch (MalformedPacketException e) {
			// refused
		}
		Optional<BrowseDatagram> d;
		try {
			d = BrowseDatagram.parse(input, input.length);
		} catch (MalformedPacketException e) {
			return;
		}
		d.ifPresent(b -> b.toString());
	}
}
