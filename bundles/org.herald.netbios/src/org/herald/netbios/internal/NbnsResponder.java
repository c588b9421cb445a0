/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.netbios.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.herald.api.BindInterface;
import org.herald.api.Identity;
import org.herald.api.NetbiosName;
import org.herald.netbios.NameEvent;
import org.herald.netbios.NameResponder;
import org.herald.netbios.NameState;
import org.herald.netbios.NameTableEntry;
import org.herald.netbios.ResponderCounters;
import org.herald.netbios.wire.NbnsPacket;

/**
 * Herald as a NetBIOS node on the name service port: binds, on each configured interface only, one
 * UDP socket to the interface address and one to its subnet broadcast address (on Linux a socket
 * bound to the broadcast address receives the subnet's broadcasts; the wildcard address is never
 * bound), registers the name table, answers queries and node status, defends its names, and
 * releases them when stopped. Answers always leave from the interface address. Not a DS component:
 * {@link NbnsResponderFactory} starts it for an identity.
 */
public final class NbnsResponder implements NameResponder, AutoCloseable {

	private static final System.Logger LOG = System.getLogger(NbnsResponder.class.getName());
	private static final byte[] UNIT_ID = new byte[6];

	private final Identity identity;
	private final ResponderSettings settings;
	private final NameTable table;
	private final Transactions transactions = new Transactions();
	private final List<Consumer<NameEvent>> listeners = new CopyOnWriteArrayList<>();
	private final List<NbnsEndpoint> endpoints = new ArrayList<>();
	private final Map<BindInterface, NbnsEndpoint> unicast = new java.util.HashMap<>();
	private final CompletableFuture<Void> registered = new CompletableFuture<>();
	/** What the endpoints counted before they were closed: the counters outlive {@link #stop()}. */
	private long receivedByClosed;
	private long malformedByClosed;
	private final AtomicLong answered = new AtomicLong();
	private final AtomicLong defended = new AtomicLong();
	private final ScheduledExecutorService worker;
	private final Registrar registrar;
	private boolean started;
	private boolean closed;

	public NbnsResponder(Identity identity, ResponderSettings settings) {
		this(identity, settings, true);
	}

	/** @param messenger whether the table holds NAME&lt;03&gt; */
	public NbnsResponder(Identity identity, ResponderSettings settings, boolean messenger) {
		if (identity.interfaces().isEmpty()) {
			throw new IllegalArgumentException("no interfaces configured: the responder binds only to configured interfaces");
		}
		this.identity = identity;
		this.settings = settings;
		this.table = NameTable.of(identity, messenger);
		this.worker = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon().name("nbns-registrar").unstarted(r));
		this.registrar = new Registrar(identity, settings, transactions, this::send, table, this::fire, worker);
	}

	/**
	 * Binds the sockets (failing if any cannot be bound) and starts registering the table.
	 *
	 * @return completes when the initial registration ended
	 */
	public synchronized CompletableFuture<Void> start() throws IOException {
		if (started) {
			throw new IllegalStateException("already started");
		}
		started = true;
		try {
			for (BindInterface i : identity.interfaces()) {
				NbnsEndpoint u = new NbnsEndpoint(new InetSocketAddress(i.address(), settings.port()), false,
						(p, from, via) -> onPacket(p, from, i, false), "nbns");
				endpoints.add(u);
				unicast.put(i, u);
				if (!i.broadcast().equals(i.address())) {
					endpoints.add(new NbnsEndpoint(new InetSocketAddress(i.broadcast(), settings.port()), true,
							(p, from, via) -> onPacket(p, from, i, true), "nbns-bcast"));
				}
			}
		} catch (IOException | RuntimeException e) {
			endpoints.forEach(NbnsEndpoint::close);
			endpoints.clear();
			unicast.clear();
			worker.shutdownNow();
			closed = true;
			throw e;
		}
		LOG.log(System.Logger.Level.INFO, "name service on " + identity.interfaces() + " port " + settings.port() + " as "
				+ registrar.nodeType() + "-node" + identity.wins().map(w -> ", WINS " + w.getHostAddress()).orElse(""));
		CompletableFuture.runAsync(() -> {
			try {
				registrar.register(table.snapshot());
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}, worker).whenComplete((v, e) -> {
			if (e == null) {
				registered.complete(null);
			} else {
				registered.completeExceptionally(e);
			}
		});
		return registered;
	}

	@Override
	public Identity identity() {
		return identity;
	}

	@Override
	public CompletableFuture<Void> registered() {
		return registered;
	}

	@Override
	public void stop() {
		close();
	}

	@Override
	public synchronized boolean running() {
		return started && !closed;
	}

	private void send(BindInterface via, NbnsPacket packet, InetSocketAddress to) throws IOException {
		NbnsEndpoint e;
		synchronized (this) {
			e = unicast.get(via);
		}
		if (e == null) {
			throw new IOException("not bound on " + via);
		}
		e.send(packet, to);
	}

	private void onPacket(NbnsPacket packet, InetSocketAddress from, BindInterface iface, boolean viaBroadcast) throws IOException {
		if (packet.response()) {
			if (!transactions.deliver(packet, from) && packet.opcode() == NbnsPacket.OP_REGISTRATION
					&& packet.rcode() == NbnsPacket.RCODE_CFT_ERR && packet.answer() != null
					&& from.getAddress() instanceof java.net.Inet4Address source) {
				registrar.conflict(packet.answer().netbiosName(), source);
			}
			return;
		}
		RequestHandler.Context context = new RequestHandler.Context(iface.address(), viaBroadcast,
				new InetSocketAddress(iface.address(), settings.port()), table.snapshot(), registrar.nodeType(),
				settings.ttlSeconds(), UNIT_ID);
		var reply = RequestHandler.handle(packet, from, context);
		if (reply.isEmpty()) {
			return;
		}
		// Counted before sending, so that whoever got the answer sees the count.
		if (reply.get().kind() == RequestHandler.Kind.DEFENCE) {
			defended.incrementAndGet();
		} else {
			answered.incrementAndGet();
		}
		send(iface, reply.get().packet(), reply.get().to());
		if (reply.get().kind() == RequestHandler.Kind.DEFENCE) {
			registrar.defended(reply.get().name(), (java.net.Inet4Address) from.getAddress());
		}
	}

	private void fire(NameEvent e) {
		for (Consumer<NameEvent> l : listeners) {
			try {
				l.accept(e);
			} catch (RuntimeException ex) {
				LOG.log(System.Logger.Level.WARNING, "name event listener failed", ex);
			}
		}
	}

	@Override
	public List<NameTableEntry> names() {
		return table.snapshot();
	}

	@Override
	public CompletableFuture<NameTableEntry> addAlias(NetbiosName alias) {
		NameTableEntry e = table.add(alias, false, true);
		if (e == null) {
			return CompletableFuture.completedFuture(table.get(alias).orElseThrow());
		}
		return CompletableFuture.supplyAsync(() -> {
			try {
				registrar.register(List.of(e));
			} catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return table.get(alias).orElseThrow();
		}, worker);
	}

	@Override
	public boolean removeAlias(NetbiosName alias) {
		NameTableEntry e = table.get(alias).orElse(null);
		if (e == null || !e.alias()) {
			return false;
		}
		CompletableFuture.runAsync(() -> {
			try {
				registrar.release(List.of(table.get(alias).orElse(e)));
			} catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			table.remove(alias);
		}, worker).join();
		return true;
	}

	@Override
	public ResponderCounters counters() {
		long received;
		long malformed;
		synchronized (this) {
			received = receivedByClosed;
			malformed = malformedByClosed;
			for (NbnsEndpoint e : endpoints) {
				received += e.received();
				malformed += e.malformed();
			}
		}
		return new ResponderCounters(received, answered.get(), malformed, defended.get());
	}

	@Override
	public void addListener(Consumer<NameEvent> listener) {
		listeners.add(listener);
	}

	@Override
	public void removeListener(Consumer<NameEvent> listener) {
		listeners.remove(listener);
	}

	/** Releases the active names, then closes the sockets. */
	@Override
	public void close() {
		synchronized (this) {
			if (closed) {
				return;
			}
			closed = true;
		}
		if (started) {
			try {
				worker.submit(() -> {
					registrar.release(table.snapshot().stream().filter(e -> e.state() == NameState.ACTIVE).toList());
					return null;
				}).get(settings.unicastInterval().toMillis() * settings.unicastTries() * 8 + 5000, TimeUnit.MILLISECONDS);
			} catch (Exception e) {
				LOG.log(System.Logger.Level.WARNING, "releasing names did not finish: " + e);
			}
		}
		worker.shutdownNow();
		registered.cancel(false); // stopped before the registration ended: no effect if it had ended
		synchronized (this) {
			for (NbnsEndpoint e : endpoints) {
				e.close();
				receivedByClosed += e.received();
				malformedByClosed += e.malformed();
			}
			endpoints.clear();
			unicast.clear();
		}
	}
}
