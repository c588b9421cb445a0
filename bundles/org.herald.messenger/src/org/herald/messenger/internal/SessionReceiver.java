/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.internal;

import java.io.IOException;
import java.net.BindException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.herald.api.BindInterface;
import org.herald.api.Identity;
import org.herald.api.MessageSink;
import org.herald.api.SessionLimits;
import org.herald.api.TcpAcceptor;
import org.herald.messenger.HeldNames;
import org.herald.messenger.MessengerPorts;

/**
 * Receives Messenger sessions on TCP 139 (NetBIOS session service) and TCP 445 (direct hosting), on
 * each configured interface address only. Each connection runs on its own virtual thread. The
 * {@link SessionLimits} bound what sources hold: at most so many sessions at once from one address
 * and in all (a further one is closed at once, before anything is read, and counted), and a session
 * that is silent or stops half-way through a packet is closed after the idle timeout. The limits are
 * read again while the receiver runs (another process may change the policy).
 */
public final class SessionReceiver implements AutoCloseable {

	static final int BACKLOG = 512;
	/** How long {@link #close()} waits for open connections before cutting them. */
	static final Duration CLOSE_GRACE = Duration.ofSeconds(2);

	private final Identity identity;
	private final MessengerPorts ports;
	private final HeldNames held;
	private final MessageAcceptance acceptance;
	private final ReceiverCounters counters;
	private final CurrentLimits limits;
	private final Clock clock;
	private final TcpAcceptor acceptor = new TcpAcceptor();
	private final List<Listener> servers = new ArrayList<>();

	private record Listener(Inet4Address address, boolean netbios, int port) {
	}
	private final ExecutorService connections = Executors.newVirtualThreadPerTaskExecutor();
	/** Sessions open now, in all and per source address (an address leaves the map with its last session). */
	private final AtomicInteger open = new AtomicInteger();
	private final ConcurrentHashMap<InetAddress, Integer> openPerAddress = new ConcurrentHashMap<>();

	/** With the default limits but this idle timeout. */
	public SessionReceiver(Identity identity, MessengerPorts ports, HeldNames held, MessageSink sink, PeerCharsets charsets,
			ReceiverCounters counters, Duration idleTimeout, Clock clock) {
		this(identity, ports, held, sink, charsets, counters, CurrentLimits.fixed(SessionLimits.DEFAULTS.withIdleTimeout(idleTimeout)), clock);
	}

	/**
	 * @param limits the limits in effect: asked for each connection (at most once a second it reads its
	 *               source again, off the accepting thread)
	 */
	public SessionReceiver(Identity identity, MessengerPorts ports, HeldNames held, MessageSink sink, PeerCharsets charsets,
			ReceiverCounters counters, Supplier<SessionLimits> limits, Clock clock) {
		this(identity, ports, held, sink, charsets, counters, new CurrentLimits(limits, SessionLimits.DEFAULTS), clock);
	}

	private SessionReceiver(Identity identity, MessengerPorts ports, HeldNames held, MessageSink sink, PeerCharsets charsets,
			ReceiverCounters counters, CurrentLimits limits, Clock clock) {
		this.identity = identity;
		this.ports = ports;
		this.held = held;
		this.counters = counters;
		this.limits = limits;
		this.clock = clock;
		this.acceptance = new MessageAcceptance(sink, charsets, clock, counters);
	}

	/** Binds every configured interface on the session and direct ports (those not 0) and starts accepting. */
	public void start() throws IOException {
		limits.refreshNow();
		try {
			for (BindInterface i : identity.interfaces()) {
				if (ports.session() != 0) {
					listen(i.address(), ports.session(), true);
				}
				if (ports.direct() != 0) {
					listen(i.address(), ports.direct(), false);
				}
			}
		} catch (IOException e) {
			close();
			throw e;
		}
	}

	private void listen(Inet4Address address, int port, boolean netbios) throws IOException {
		InetSocketAddress bound;
		try {
			bound = acceptor.listen(new InetSocketAddress(address, port), BACKLOG, "herald-session-accept-" + address.getHostAddress() + ":" + port,
					socket -> accepted(socket, netbios));
		} catch (BindException e) {
			throw new BindException("cannot listen on TCP " + address.getHostAddress() + ":" + port + " (" + e.getMessage()
					+ "; is smbd or another Herald using it?)");
		}
		servers.add(new Listener(address, netbios, bound.getPort()));
	}

	/** The local port actually bound on {@code address} for 139 ({@code netbios}) or 445 (useful with port 0 in tests). */
	public int boundPort(Inet4Address address, boolean netbios) {
		for (Listener l : servers) {
			if (l.address().equals(address) && l.netbios() == netbios) {
				return l.port();
			}
		}
		throw new IllegalArgumentException("not listening on " + address.getHostAddress() + (netbios ? " (session)" : " (direct)"));
	}

	/** A connection on 139 ({@code netbios}) or 445: admitted by the limits and run on a virtual thread, or closed at once. */
	private void accepted(Socket socket, boolean netbios) {
		counters.connections.increment();
		SessionLimits l = limits.get();
		InetAddress source = socket.getInetAddress();
		if (!admit(source, l)) {
			TcpAcceptor.closeQuietly(socket);
			return;
		}
		try {
			socket.setTcpNoDelay(true);
			SessionConnection c = new SessionConnection(socket, netbios, held, acceptance, counters, identity.workgroup(), clock,
					l.idleTimeout());
			connections.execute(() -> {
				try {
					c.run();
				} finally {
					leave(source);
				}
			});
		} catch (IOException | RuntimeException e) {
			leave(source);
			TcpAcceptor.closeQuietly(socket);
		}
	}

	/** Takes a slot for a session from {@code source} if the limits leave one; counts a refusal. */
	private boolean admit(InetAddress source, SessionLimits l) {
		if (open.incrementAndGet() > l.total()) {
			open.decrementAndGet();
			counters.droppedConnections.increment();
			return false;
		}
		boolean[] admitted = new boolean[1];
		openPerAddress.compute(source, (a, n) -> {
			int now = n == null ? 0 : n;
			if (now >= l.perAddress()) {
				return n;
			}
			admitted[0] = true;
			return now + 1;
		});
		if (!admitted[0]) {
			open.decrementAndGet();
			counters.limitedConnections.increment();
		}
		return admitted[0];
	}

	private void leave(InetAddress source) {
		openPerAddress.computeIfPresent(source, (a, n) -> n > 1 ? n - 1 : null);
		open.decrementAndGet();
	}

	/** Sessions open now (for tests). */
	int openSessions() {
		return open.get();
	}

	@Override
	public void close() {
		acceptor.close();
		// Let connections in the middle of a request finish (a message stored must be acknowledged);
		// then end the idle ones.
		connections.shutdown();
		try {
			if (!connections.awaitTermination(CLOSE_GRACE.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
				connections.shutdownNow();
			}
		} catch (InterruptedException e) {
			connections.shutdownNow();
			Thread.currentThread().interrupt();
		}
	}
}
