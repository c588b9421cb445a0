/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.netbios.osgi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.herald.api.BindInterface;
import org.herald.api.Identity;
import org.herald.api.NetbiosName;
import org.herald.api.Settings;
import org.herald.api.cli.CliCommand;
import org.herald.netbios.NameResponder;
import org.herald.netbios.NameResponderFactory;
import org.herald.netbios.NameService;
import org.herald.netbios.NameState;
import org.herald.netbios.QueryTarget;
import org.herald.netbios.ResponderOptions;
import org.herald.netbios.wire.NbnsCodec;
import org.herald.netbios.wire.NbnsMessages;
import org.herald.netbios.wire.NbnsPacket;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Runs in the OSGi test runtime (tycho-surefire) with Herald's bundles, Felix SCR and no
 * ConfigurationAdmin: the name service components must come up without any configuration. The
 * network part stays on 127.0.0.31-127.0.0.32 and a random high port.
 */
class NameServicesOsgiTest {

	private static BundleContext context() {
		return FrameworkUtil.getBundle(NameServicesOsgiTest.class).getBundleContext();
	}

	private static <S> S service(Class<S> type) throws InterruptedException {
		ServiceTracker<S, S> tracker = new ServiceTracker<>(context(), type, null);
		tracker.open();
		S s = tracker.waitForService(10_000);
		assertNotNull(s, "Declarative Services registered no " + type.getSimpleName());
		return s;
	}

	private static CliCommand command(String name) throws InterruptedException {
		ServiceTracker<CliCommand, CliCommand> tracker = new ServiceTracker<>(context(), CliCommand.class, null);
		tracker.open();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		do {
			for (CliCommand c : tracker.getTracked().values()) {
				if (c.name().equals(name)) {
					return c;
				}
			}
			tracker.waitForService(100);
		} while (System.nanoTime() < deadline);
		throw new AssertionError("no CliCommand named " + name);
	}

	private static Inet4Address ip(String s) {
		return BindInterface.parseIpv4(s);
	}

	@Test
	void theServicesRegisterWithoutConfigurationAdmin() throws Exception {
		assertNull(context().getServiceReference("org.osgi.service.cm.ConfigurationAdmin"),
				"this runtime has no ConfigurationAdmin, like the product");
		assertNotNull(service(NameService.class));
		assertNotNull(service(NameResponderFactory.class));
		assertEquals("names", command("names").name());
		assertEquals(List.of(), service(NameResponderFactory.class).running(), "no responder runs until one is started");
	}

	@Test
	void theNameServiceUsesTheIdentitySavedInSettings() throws Exception {
		Settings settings = service(Settings.class);
		NameService names = service(NameService.class);
		Identity before = settings.identity();
		try {
			settings.save(new Identity("ASKER", "WG", List.of(), Optional.empty()));
			IllegalStateException none = assertThrows(IllegalStateException.class, () -> names.nodeStatus(ip("127.0.0.32")));
			assertTrue(none.getMessage().contains("no interfaces configured"), none.getMessage());

			settings.save(new Identity("ASKER", "WG", List.of(BindInterface.parse("127.0.0.31/8")), Optional.empty()));
			IllegalArgumentException elsewhere = assertThrows(IllegalArgumentException.class,
					() -> names.query(new NetbiosName("X", 0), new QueryTarget.Broadcast(ip("198.51.100.255"))));
			assertTrue(elsewhere.getMessage().contains("127.0.0.31/8"), "the saved interface is the one known: " + elsewhere.getMessage());
		} finally {
			settings.save(before);
		}
	}

	@Test
	void theFactoryServiceStartsAResponderThatAnswersAndStops() throws Exception {
		NameResponderFactory factory = service(NameResponderFactory.class);
		Identity identity = new Identity("OSGINODE", "WG", List.of(BindInterface.parse("127.0.0.32/8")), Optional.empty());
		NameResponder r = null;
		int port = 0;
		for (int attempt = 0; r == null; attempt++) {
			port = ThreadLocalRandom.current().nextInt(20000, 60000);
			try {
				r = factory.start(identity, ResponderOptions.defaults().withPort(port));
			} catch (java.io.IOException e) {
				if (attempt > 5) {
					throw e;
				}
			}
		}
		try (DatagramSocket asker = new DatagramSocket(new InetSocketAddress(ip("127.0.0.31"), 0))) {
			r.registered().get(10, TimeUnit.SECONDS);
			assertTrue(factory.running().contains(r));
			byte[] query = NbnsCodec.encode(NbnsMessages.nameQuery(0x0531, new NetbiosName("OSGINODE", 3), false, false));
			asker.send(new DatagramPacket(query, query.length, new InetSocketAddress(ip("127.0.0.32"), port)));
			asker.setSoTimeout(10_000);
			DatagramPacket answer = new DatagramPacket(new byte[576], 576);
			asker.receive(answer);
			NbnsPacket p = NbnsCodec.decode(answer.getData(), 0, answer.getLength());
			assertEquals(0x0531, p.transactionId());
			assertEquals(NbnsPacket.RCODE_OK, p.rcode());
		} finally {
			r.stop();
		}
		assertFalse(factory.running().contains(r));
		assertTrue(r.names().stream().allMatch(e -> e.state() == NameState.RELEASED));
	}
}
