/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.netbios.osgi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.herald.api.BindInterface;
import org.herald.netbios.datagram.DatagramService;
import org.herald.netbios.datagram.MailslotDatagram;
import org.herald.netbios.datagram.Subscription;
import org.herald.netbios.datagram.TestFrames;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The datagram service as Declarative Services registers it (no ConfigurationAdmin): one instance,
 * binding nothing until subscribed. Its network part stays on 127.0.0.34 and a random high port.
 */
class DatagramServiceOsgiTest {

	private static BundleContext context() {
		return FrameworkUtil.getBundle(DatagramServiceOsgiTest.class).getBundleContext();
	}

	@Test
	void oneServiceRegistersAndDeliversBySubscription() throws Exception {
		ServiceTracker<DatagramService, DatagramService> tracker = new ServiceTracker<>(context(), DatagramService.class, null);
		tracker.open();
		DatagramService service = tracker.waitForService(10_000);
		assertNotNull(service, "Declarative Services registered no DatagramService");
		ServiceReference<DatagramService>[] refs = tracker.getServiceReferences();
		assertEquals(1, refs.length, "one datagram service per process");
		BindInterface via = BindInterface.parse("127.0.0.34/8");
		int port = ThreadLocalRandom.current().nextInt(20000, 60000);
		BlockingQueue<MailslotDatagram> got = new LinkedBlockingQueue<>();
		try (Subscription s = service.subscribe(List.of(via), port, List.of("\\MAILSLOT\\BROWSE"), DatagramService.Mode.RECEIVE, got::add);
				DatagramSocket peer = new DatagramSocket(new InetSocketAddress(via.address(), 0))) {
			byte[] write = TestFrames.whole("\\MAILSLOT\\BROWSE", "osgi");
			peer.send(new DatagramPacket(write, write.length, new InetSocketAddress(via.address(), port)));
			MailslotDatagram m = got.poll(10, TimeUnit.SECONDS);
			assertNotNull(m, "delivered within 10 s");
			assertEquals("\\MAILSLOT\\BROWSE", m.mailslot());
		}
		tracker.close();
	}
}
