/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.herald.messenger.Delivery;
import org.herald.messenger.MessengerPorts;
import org.herald.messenger.OutgoingMessage;
import org.herald.messenger.PathChoice;
import org.herald.messenger.Recipient;
import org.junit.jupiter.api.Test;

/** The DS components built the way SCR builds them (constructor injection), on loopback. */
class ComponentsTest {

	@Test
	void receiverAndSenderFromConfiguration() throws Exception {
		MessengerPorts p = Loopback.freePorts();
		RecordingSink sink = new RecordingSink();
		Map<String, Object> rx = Map.of("name", "herald1", "workgroup", "wg", "interfaces", "127.0.0.2/8", "sessionPort", p.session(),
				"directPort", String.valueOf(p.direct()), "datagramPort", p.datagram());
		MessengerReceiverComponent receiver = new MessengerReceiverComponent(rx, sink, null);
		try {
			Map<String, Object> tx = Map.of("name", "sender", "interfaces", new String[] { "127.0.0.4/8" }, "sessionPort", p.session(),
					"directPort", p.direct(), "datagramPort", p.datagram(), "timeoutSeconds", "3");
			MessengerSenderComponent sender = new MessengerSenderComponent(tx, null);
			List<Delivery> d = sender.send(new OutgoingMessage("SENDER", List.of(Recipient.parse("127.0.0.2")), "configured", PathChoice.SESSION));
			assertEquals(Delivery.Status.DELIVERED, d.get(0).status(), d.get(0).line());
			assertEquals("configured", sink.messages().get(0).text());
			assertEquals(1, receiver.stats().stored());
			Delivery byName = sender.send(new OutgoingMessage("SENDER", List.of(Recipient.parse("HERALD1")), "x", PathChoice.SESSION)).get(0);
			assertEquals(Delivery.FailureReason.NAME_NOT_FOUND, byName.reason().orElseThrow(), "no name service");
		} finally {
			receiver.deactivate();
		}
	}

	@Test
	void configurationWithoutNameIsRefused() {
		assertThrows(IllegalArgumentException.class, () -> new MessengerConfig(Map.of("interfaces", "127.0.0.2/8")).identity());
	}
}
