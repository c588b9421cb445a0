/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.netbios.datagram.internal;

import java.io.IOException;
import java.net.BindException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.herald.api.BindInterface;
import org.herald.netbios.datagram.DatagramCounters;
import org.herald.netbios.datagram.DatagramService;
import org.herald.netbios.datagram.FragmentReassembly;
import org.herald.netbios.datagram.MailslotDatagram.Arrival;
import org.herald.netbios.datagram.MailslotHandler;
import org.herald.netbios.datagram.Subscription;
import org.herald.netbios.datagram.internal.Endpoint.Attachment;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * The process's datagram service: one socket per address and port, shared by every subscription
 * that needs it and closed with the last of them; one reader thread per socket that parses each
 * datagram once (NBDS header, reassembly, mailslot name) and hands it to the subscribers of its
 * mailslot. Malformed datagrams are counted and dropped; neither they nor a failing subscriber
 * stop a reader.
 *
 * <p>A {@link Mode#RECEIVE_IF_FREE} subscription that found the unicast port held by another process
 * tries it again every {@link #UNICAST_RETRY} while it lives: once nmbd or the other Herald has
 * gone, it hears unicast there and sends from the port, as if it had bound it at first.
 */
@Component(service = DatagramService.class, immediate = true)
public final class SharedDatagramService implements DatagramService, AutoCloseable {

	private static final System.Logger LOG = System.getLogger(SharedDatagramService.class.getName());
	static final int RECEIVE_BUFFER = 4 * 1024 * 1024;
	/** How often an idle reader wakes up to expire incomplete fragment sets. */
	static final int EXPIRY_TICK_MILLIS = 1000;
	/** How often a subscription that fell back to broadcasts tries the unicast port again. */
	public static final Duration UNICAST_RETRY = Duration.ofSeconds(10);

	private final DatagramDispatcher dispatcher;
	private final Duration unicastRetry;
	private final Map<InetSocketAddress, Endpoint> shared = new HashMap<>(); // guarded by this
	/** Subscriptions waiting for a unicast port another process holds; guarded by this. */
	private final Set<Sub> fallenBack = new LinkedHashSet<>();
	private Thread retrier; // guarded by this
	private boolean closed; // guarded by this

	public SharedDatagramService() {
		this(new FragmentReassembly());
	}

	/** With other reassembly limits (tests). */
	public SharedDatagramService(FragmentReassembly reassembly) {
		this(reassembly, UNICAST_RETRY);
	}

	/** With other reassembly limits and another retry period for held unicast ports (tests). */
	public SharedDatagramService(FragmentReassembly reassembly, Duration unicastRetry) {
		this.dispatcher = new DatagramDispatcher(reassembly);
		this.unicastRetry = unicastRetry;
	}

	@Override
	public synchronized Subscription subscribe(Collection<BindInterface> interfaces, int port, Collection<String> mailslots, Mode mode,
			MailslotHandler handler) throws IOException {
		if (closed) {
			throw new IllegalStateException("the datagram service is closed");
		}
		if (port < 0 || port > 0xFFFF) {
			throw new IllegalArgumentException("datagram port out of range: " + port);
		}
		if (mailslots.isEmpty() && mode != Mode.SEND_ONLY && mode != Mode.SEND_SHARED) {
			throw new IllegalArgumentException("subscribe to at least one mailslot");
		}
		Set<String> slots = new LinkedHashSet<>();
		mailslots.forEach(m -> slots.add(m.toUpperCase(Locale.ROOT)));
		Sub sub = new Sub(List.copyOf(new LinkedHashSet<>(interfaces)), port, Set.copyOf(slots), handler);
		try {
			for (BindInterface i : sub.interfaces) {
				switch (mode) {
				case RECEIVE, RECEIVE_IF_FREE -> receiveOn(sub, i, mode);
				case SEND_SHARED -> {
					Endpoint held = port == 0 ? null : shared.get(new InetSocketAddress(i.address(), port));
					if (held != null && held.kind == Arrival.UNICAST) {
						sub.attach(held, i);
					}
				}
				case SEND_ONLY -> {
					// its own port only
				}
				}
				if (!sub.senders.containsKey(i)) {
					Endpoint own = open(i.address(), 0, Arrival.OWN_PORT);
					sub.attach(own, i);
				}
			}
		} catch (IOException | RuntimeException e) {
			sub.close();
			throw e;
		}
		if (!sub.waiting.isEmpty()) {
			fallenBack.add(sub);
			if (retrier == null) {
				retrier = Thread.ofPlatform().daemon().name("herald-datagram-retry").start(this::retryUnicast);
			}
		}
		return sub;
	}

	/** The unicast and broadcast sockets on the port; a unicast port another process holds fails {@code RECEIVE}, and {@code RECEIVE_IF_FREE} waits for it. */
	private void receiveOn(Sub sub, BindInterface i, Mode mode) throws IOException {
		try {
			sub.attach(sharedEndpoint(i.address(), sub.port, Arrival.UNICAST), i);
		} catch (BindException e) {
			if (mode == Mode.RECEIVE) {
				throw e;
			}
			LOG.log(System.Logger.Level.INFO, e.getMessage() + ": hearing broadcasts only there until it is free");
			sub.waiting.add(i);
		}
		if (!i.broadcast().equals(i.address())) {
			sub.attach(sharedEndpoint(i.broadcast(), sub.port, Arrival.BROADCAST), i);
		}
	}

	/** Tries the held unicast ports again, every {@link #unicastRetry}, until no subscription waits for one. */
	private void retryUnicast() {
		while (true) {
			synchronized (this) {
				try {
					wait(unicastRetry.toMillis());
				} catch (InterruptedException e) {
					// only close() interrupts
				}
				if (closed || fallenBack.isEmpty()) {
					retrier = null;
					return;
				}
				for (var it = fallenBack.iterator(); it.hasNext();) {
					Sub sub = it.next();
					for (var w = sub.waiting.iterator(); w.hasNext();) {
						BindInterface i = w.next();
						try {
							sub.attach(sharedEndpoint(i.address(), sub.port, Arrival.UNICAST), i);
							w.remove();
							LOG.log(System.Logger.Level.INFO, "UDP " + i.address().getHostAddress() + ":" + sub.port + " is free now: hearing unicast there");
						} catch (IOException e) {
							// still held
						}
					}
					if (sub.waiting.isEmpty()) {
						it.remove();
					}
				}
			}
		}
	}

	/** The socket on {@code address:port}, bound now if no subscription has it yet; port 0 (tests) binds an ephemeral port, shared with nobody. */
	private Endpoint sharedEndpoint(Inet4Address address, int port, Arrival kind) throws IOException {
		if (port == 0) {
			return open(address, 0, kind);
		}
		InetSocketAddress key = new InetSocketAddress(address, port);
		Endpoint e = shared.get(key);
		if (e == null) {
			e = open(address, port, kind);
			shared.put(key, e);
		}
		return e;
	}

	/** Binds a socket and starts its reader. Broadcast sockets share the port with other processes (SO_REUSEADDR); unicast ones do not steal it. */
	private Endpoint open(Inet4Address address, int port, Arrival kind) throws IOException {
		DatagramSocket socket = new DatagramSocket(null);
		try {
			socket.setReuseAddress(kind == Arrival.BROADCAST);
			socket.setBroadcast(true);
			socket.setReceiveBufferSize(RECEIVE_BUFFER);
			socket.setSoTimeout(EXPIRY_TICK_MILLIS);
			socket.bind(new InetSocketAddress(address, port));
		} catch (BindException e) {
			socket.close();
			throw new BindException("cannot bind UDP " + address.getHostAddress() + ":" + port + " (" + e.getMessage()
					+ "; is nmbd or another Herald using it?)");
		} catch (IOException | RuntimeException e) {
			socket.close();
			throw e;
		}
		Endpoint e = new Endpoint(socket, kind, kind == Arrival.OWN_PORT || port == 0 ? null : new InetSocketAddress(address, port));
		e.reader = Thread.ofPlatform().daemon().name("herald-datagram " + address.getHostAddress() + ":" + socket.getLocalPort())
				.start(() -> dispatcher.read(e));
		return e;
	}

	@Override
	public DatagramCounters counters() {
		return dispatcher.counters();
	}

	/** The reassembly's own counts (sets pending and bytes held). */
	public FragmentReassembly.Counts reassembly() {
		return dispatcher.reassembly().counts();
	}

	@Override
	public synchronized List<String> sockets() {
		List<String> out = new ArrayList<>();
		for (Endpoint e : shared.values()) {
			out.add(e.socket.getLocalSocketAddress() + " " + e.kind.name().toLowerCase(Locale.ROOT) + " (" + e.attachments.size()
					+ " subscriptions)");
		}
		return out;
	}

	/** Closes every socket; subscriptions hear nothing more. */
	@Deactivate
	@Override
	public synchronized void close() {
		closed = true;
		fallenBack.clear();
		notifyAll(); // the retrier leaves
		for (Endpoint e : shared.values()) {
			e.close();
		}
		shared.clear();
	}

	private synchronized void detach(Attachment a, Endpoint e) {
		e.attachments.remove(a);
		if (e.attachments.isEmpty()) {
			if (e.key != null) {
				shared.remove(e.key, e);
			}
			e.close();
		}
	}

	/** One subscription: its sockets per interface, and the interfaces still waiting for a held unicast port. */
	final class Sub implements Subscription {
		final List<BindInterface> interfaces;
		final int port;
		final Set<String> mailslots;
		final MailslotHandler handler;
		final Map<Attachment, Endpoint> attached = new java.util.IdentityHashMap<>();
		/** Per interface: the unicast socket shared on the port, or the subscription's own. */
		final Map<BindInterface, Endpoint> senders = new java.util.concurrent.ConcurrentHashMap<>();
		/** Interfaces whose unicast port another process held ({@link Mode#RECEIVE_IF_FREE}); guarded by the service. */
		final Set<BindInterface> waiting = new LinkedHashSet<>();
		volatile boolean closed;

		Sub(List<BindInterface> interfaces, int port, Set<String> mailslots, MailslotHandler handler) {
			this.interfaces = interfaces;
			this.port = port;
			this.mailslots = mailslots;
			this.handler = handler;
		}

		/** Attaches to {@code e} once (interfaces on one subnet share its broadcast socket). */
		void attach(Endpoint e, BindInterface via) {
			if (e.kind != Arrival.BROADCAST) {
				senders.put(via, e);
			}
			if (attached.containsValue(e)) {
				return;
			}
			Attachment a = new Attachment(this, via);
			attached.put(a, e);
			e.attachments.add(a);
		}

		@Override
		public List<BindInterface> interfaces() {
			return interfaces;
		}

		@Override
		public int port() {
			return port;
		}

		@Override
		public boolean hearsUnicast(BindInterface via) {
			Endpoint e = senders.get(via);
			return e != null && e.kind == Arrival.UNICAST;
		}

		@Override
		public int sendingPort(BindInterface via) {
			Endpoint e = senders.get(via);
			if (e == null) {
				throw new IllegalArgumentException("not subscribed on " + via);
			}
			return e.socket.getLocalPort();
		}

		@Override
		public void send(BindInterface via, byte[] datagram, Inet4Address to) throws IOException {
			Endpoint e = senders.get(via);
			if (e == null || closed) {
				throw new IOException(closed ? "the subscription is closed" : "not subscribed on " + via);
			}
			e.socket.send(new DatagramPacket(datagram, datagram.length, new InetSocketAddress(to, port)));
		}

		@Override
		public void close() {
			synchronized (SharedDatagramService.this) {
				if (closed) {
					return;
				}
				closed = true;
				fallenBack.remove(this);
				attached.forEach((a, e) -> detach(a, e));
				attached.clear();
			}
		}

		@Override
		public String toString() {
			return "subscription to " + mailslots + " on " + interfaces + " port " + port;
		}
	}
}
