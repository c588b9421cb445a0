/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.netbios.internal;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

import org.herald.api.BindInterface;
import org.herald.api.Identity;
import org.herald.netbios.NameEvent;

/**
 * Test support on loopback only: hosts 127.0.0.N/8 (subnet broadcast 127.255.255.255, delivered on
 * lo), a random high port per test so that parallel runs do not meet, and waits on conditions with
 * deadlines.
 */
public final class Loopback {

	static final Duration DEADLINE = Duration.ofSeconds(10);
	/** The subnet broadcast address of 127.0.0.0/8. */
	static final Inet4Address BROADCAST = BindInterface.parseIpv4("127.255.255.255");

	private Loopback() {
	}

	static Inet4Address host(int n) {
		return BindInterface.parseIpv4("127.0.0." + n);
	}

	static BindInterface iface(int n) {
		return BindInterface.parse("127.0.0." + n + "/8");
	}

	static Identity identity(String name, String workgroup, int host, Inet4Address wins) {
		return new Identity(name, workgroup, List.of(iface(host)), Optional.ofNullable(wins));
	}

	static int randomPort() {
		return ThreadLocalRandom.current().nextInt(20000, 60000);
	}

	/** Fast timers for tests; the port is the given one. */
	static ResponderSettings settings(int port) {
		return new ResponderSettings(port, Duration.ofMillis(100), 3, Duration.ofMillis(500), 3, ResponderSettings.THREE_DAYS,
				Duration.ofSeconds(5));
	}

	static ClientSettings clientSettings(int port) {
		return ClientSettings.defaults().withRemotePort(port).withBroadcast(Duration.ofMillis(200), 3)
				.withUnicast(Duration.ofMillis(500), 3);
	}

	public static void await(String what, BooleanSupplier condition) {
		long deadline = System.nanoTime() + DEADLINE.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("not within " + DEADLINE.toSeconds() + " s: " + what);
			}
			java.util.concurrent.locks.LockSupport.parkNanos(5_000_000); // poll the condition, not a timed wait for an effect
		}
	}

	/** The next event that matches, waiting up to the deadline. */
	static NameEvent awaitEvent(BlockingQueue<NameEvent> events, Predicate<NameEvent> match) throws InterruptedException {
		long deadline = System.nanoTime() + DEADLINE.toNanos();
		for (long left; (left = deadline - System.nanoTime()) > 0;) {
			NameEvent e = events.poll(left, TimeUnit.NANOSECONDS);
			if (e != null && match.test(e)) {
				return e;
			}
		}
		throw new AssertionError("no matching event within " + DEADLINE.toSeconds() + " s");
	}

	/** A plain UDP socket on a loopback host, to send raw bytes and read raw answers. */
	static final class RawSocket implements AutoCloseable {
		final DatagramSocket socket;

		RawSocket(int host) throws IOException {
			socket = new DatagramSocket(new InetSocketAddress(host(host), 0));
		}

		void send(byte[] bytes, Inet4Address to, int port) throws IOException {
			socket.send(new DatagramPacket(bytes, bytes.length, new InetSocketAddress(to, port)));
		}

		/** The next datagram, or null if none came before the deadline. */
		DatagramPacket receive(Duration timeout) throws IOException {
			socket.setSoTimeout((int) timeout.toMillis());
			DatagramPacket p = new DatagramPacket(new byte[8192], 8192);
			try {
				socket.receive(p);
				return p;
			} catch (SocketTimeoutException e) {
				return null;
			}
		}

		@Override
		public void close() {
			socket.close();
		}
	}
}
