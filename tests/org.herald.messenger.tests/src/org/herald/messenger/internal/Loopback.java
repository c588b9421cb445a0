/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.internal;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.herald.api.BindInterface;
import org.herald.api.Identity;
import org.herald.netbios.datagram.internal.SharedDatagramService;
import org.herald.api.SessionLimits;
import org.herald.messenger.HeldNames;
import org.herald.messenger.MessengerPorts;
import org.herald.messenger.wire.MessageCharset;

/**
 * Test hosts on loopback: each Herald binds its own 127.0.x.y address with prefix /8, so the
 * subnet broadcast is 127.255.255.255, which stays on lo. Nothing here leaves 127.0.0.0/8.
 */
final class Loopback {

	private Loopback() {
	}

	static Inet4Address ip(String s) {
		return BindInterface.parseIpv4(s);
	}

	static Identity identity(String name, String ip) {
		return new Identity(name, "WG", List.of(BindInterface.parse(ip + "/8")), Optional.empty());
	}

	/**
	 * A port free for TCP and UDP on 127.0.0.1 at the time of asking (tests use it on other 127
	 * addresses too; nothing binds beyond loopback). It is drawn below Linux's ephemeral range
	 * (32768-60999), so no port the system hands out for port 0, to this JVM or to another process,
	 * can take it between the asking and the test's bind, as one did in CI (127.0.0.3:42299 was
	 * taken while another build ran beside it).
	 */
	static int freePort() throws IOException {
		java.util.Random random = new java.util.Random();
		for (int attempt = 0; attempt < 200; attempt++) {
			int p = 20_000 + random.nextInt(12_000);
			try (ServerSocket s = new ServerSocket()) {
				s.bind(new InetSocketAddress(ip("127.0.0.1"), p));
				try (DatagramSocket d = new DatagramSocket(new InetSocketAddress(ip("127.0.0.1"), p))) {
					return p;
				}
			} catch (IOException e) {
				// taken, for TCP or UDP: try another
			}
		}
		throw new IOException("no free port between 20000 and 32000");
	}

	/**
	 * Waits until {@code condition} holds, polling it; {@code limit} only bounds a hang, and the
	 * failure says {@code what} (read when it fails, e.g. a command's output so far).
	 */
	static void await(BooleanSupplier condition, Duration limit, Supplier<String> what) {
		long deadline = System.nanoTime() + limit.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("not within " + limit.toSeconds() + " s: " + what.get());
			}
			java.util.concurrent.locks.LockSupport.parkNanos(5_000_000); // poll the condition, not a timed wait for an effect
		}
	}

	/** Three distinct free ports for session, direct and datagram. */
	static MessengerPorts freePorts() throws IOException {
		int a = freePort();
		int b;
		do {
			b = freePort();
		} while (b == a);
		int c;
		do {
			c = freePort();
		} while (c == a || c == b);
		return new MessengerPorts(a, b, c);
	}

	/**
	 * The datagram service the tests' senders share, as a process shares its one (DS) service; never
	 * closed: it binds nothing until a receiver subscribes.
	 */
	static final SharedDatagramService DATAGRAMS = new SharedDatagramService();

	/** A Herald receiving host: session and mailslot receivers on {@code ip}, on a datagram service of its own. */
	static final class Host implements AutoCloseable {
		final Identity identity;
		final RecordingSink sink = new RecordingSink();
		final ReceiverCounters counters = new ReceiverCounters();
		final SessionReceiver session;
		final MailslotReceiver mailslot;
		final SharedDatagramService datagrams = new SharedDatagramService();

		Host(String name, String ip, MessengerPorts ports) throws IOException {
			this(name, ip, ports, (HeldNames) null);
		}

		Host(String name, String ip, MessengerPorts ports, HeldNames held) throws IOException {
			this(name, ip, ports, held, PeerCharsets.fixed(MessageCharset.defaultOem()));
		}

		/** With the code pages {@code charsets} chooses per sender. */
		Host(String name, String ip, MessengerPorts ports, HeldNames held, PeerCharsets charsets) throws IOException {
			this(name, ip, ports, held, charsets, () -> SessionLimits.DEFAULTS.withIdleTimeout(Duration.ofSeconds(10)));
		}

		/** With these session limits. */
		Host(String name, String ip, MessengerPorts ports, Supplier<SessionLimits> limits) throws IOException {
			this(name, ip, ports, null, PeerCharsets.fixed(MessageCharset.defaultOem()), limits);
		}

		private Host(String name, String ip, MessengerPorts ports, HeldNames held, PeerCharsets charsets, Supplier<SessionLimits> limits)
				throws IOException {
			identity = identity(name, ip);
			HeldNames h = held != null ? held : MessengerReceivers.ownMessengerName(identity);
			session = new SessionReceiver(identity, ports, h, sink, charsets, counters, limits, Clock.systemUTC());
			mailslot = new MailslotReceiver(datagrams, identity, ports.datagram(), h, sink, charsets, counters, Clock.systemUTC());
			try {
				session.start();
				mailslot.start();
			} catch (IOException e) {
				close();
				throw e;
			}
		}

		@Override
		public void close() {
			session.close();
			mailslot.close();
			datagrams.close();
		}
	}
}
