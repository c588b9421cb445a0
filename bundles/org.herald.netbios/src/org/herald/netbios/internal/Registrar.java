/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.netbios.internal;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.herald.api.BindInterface;
import org.herald.api.Identity;
import org.herald.api.NetbiosName;
import org.herald.netbios.NameEvent;
import org.herald.netbios.NameState;
import org.herald.netbios.NameTableEntry;
import org.herald.netbios.internal.Transactions.Answer;
import org.herald.netbios.wire.NbAddress;
import org.herald.netbios.wire.NbAddresses;
import org.herald.netbios.wire.NbnsMessages;
import org.herald.netbios.wire.NbnsPacket;
import org.herald.netbios.wire.NodeType;

/**
 * Registers, refreshes and releases the names of the table (RFC 1001 sections 15.2 and 15.5).
 *
 * <ul>
 * <li>Without WINS (B-node): broadcast NAME REGISTRATION REQUESTs on each interface's subnet, all names
 * of a batch together, {@code broadcastTries} times {@code broadcastInterval} apart; a name nobody
 * objects to is claimed with a NAME OVERWRITE DEMAND and is active, a negative response (another owner defends it) puts it in conflict.</li>
 * <li>With WINS (H-node): NAME REGISTRATION REQUESTs (opcode 5) unicast to the server with RD; a WACK extends
 * the wait by its TTL (capped); a positive response gives the TTL, and a refresh follows at half of
 * it; a negative one is a refusal, reported with the current owner the server gives for the name.
 * If the server never answers, the names go to broadcast registration.</li>
 * <li>Release: to the WINS server, or by broadcast.</li>
 * </ul>
 */
final class Registrar {

	private static final System.Logger LOG = System.getLogger(Registrar.class.getName());

	@FunctionalInterface
	interface Sender {
		void send(BindInterface via, NbnsPacket packet, InetSocketAddress to) throws IOException;
	}

	private enum Result {
		REGISTERED, REFUSED, UNANSWERED
	}

	private final Identity identity;
	private final ResponderSettings settings;
	private final Transactions transactions;
	private final Sender sender;
	private final NameTable table;
	private final Consumer<NameEvent> events;
	private final ScheduledExecutorService scheduler;
	private final Map<NetbiosName, ScheduledFuture<?>> refreshes = new HashMap<>();
	/** The TTL each name was granted by WINS. */
	private final Map<NetbiosName, Long> granted = new HashMap<>();

	Registrar(Identity identity, ResponderSettings settings, Transactions transactions, Sender sender, NameTable table,
			Consumer<NameEvent> events, ScheduledExecutorService scheduler) {
		this.identity = identity;
		this.settings = settings;
		this.transactions = transactions;
		this.sender = sender;
		this.table = table;
		this.events = events;
		this.scheduler = scheduler;
	}

	NodeType nodeType() {
		return identity.wins().isPresent() ? NodeType.H : NodeType.B;
	}

	private NbAddress address(NameTableEntry e, BindInterface i) {
		return new NbAddress(e.group(), nodeType(), i.address());
	}

	private void event(NameEvent.Kind kind, NetbiosName name, Optional<Inet4Address> peer, String message) {
		NameEvent e = new NameEvent(Instant.now(), kind, name, peer, message);
		boolean bad = kind == NameEvent.Kind.REFUSED || kind == NameEvent.Kind.CONFLICT || kind == NameEvent.Kind.UNANSWERED;
		LOG.log(bad ? System.Logger.Level.WARNING : System.Logger.Level.INFO, e.toString());
		events.accept(e);
	}

	static String rcodeName(int rcode) {
		return switch (rcode) {
			case NbnsPacket.RCODE_FMT_ERR -> "FMT_ERR (format error)";
			case NbnsPacket.RCODE_SRV_ERR -> "SRV_ERR (server failure)";
			case NbnsPacket.RCODE_NAM_ERR -> "NAM_ERR (no such name)";
			case NbnsPacket.RCODE_IMP_ERR -> "IMP_ERR (unsupported request)";
			case NbnsPacket.RCODE_RFS_ERR -> "RFS_ERR (refused)";
			case NbnsPacket.RCODE_ACT_ERR -> "ACT_ERR (owned by another node)";
			case NbnsPacket.RCODE_CFT_ERR -> "CFT_ERR (name in conflict)";
			default -> "rcode " + rcode;
		};
	}

	/** Registers names that are {@link NameState#REGISTERING}; returns when each is active or in conflict. */
	void register(List<NameTableEntry> entries) throws InterruptedException {
		List<NameTableEntry> todo = entries.stream().filter(e -> e.state() == NameState.REGISTERING).toList();
		if (identity.wins().isEmpty()) {
			registerByBroadcast(todo);
			return;
		}
		List<NameTableEntry> unanswered = new ArrayList<>();
		for (NameTableEntry e : todo) {
			if (registerWithWins(e) == Result.UNANSWERED) {
				unanswered.add(e);
			}
		}
		if (!unanswered.isEmpty()) {
			registerByBroadcast(unanswered);
		}
	}

	private void registerByBroadcast(List<NameTableEntry> entries) throws InterruptedException {
		Map<NetbiosName, Inet4Address> refusedBy = new HashMap<>();
		// The requests of each interface by transaction id, in the table's order.
		Map<BindInterface, Map<Integer, NameTableEntry>> requests = new LinkedHashMap<>();
		for (BindInterface i : identity.interfaces()) {
			BlockingQueue<Answer> answers = new LinkedBlockingQueue<>();
			Map<Integer, NameTableEntry> byId = new LinkedHashMap<>();
			for (NameTableEntry e : entries) {
				byId.put(transactions.open(answers), e);
			}
			requests.put(i, byId);
			try {
				InetSocketAddress to = new InetSocketAddress(i.broadcast(), settings.port());
				for (int t = 0; t < settings.broadcastTries(); t++) {
					for (Map.Entry<Integer, NameTableEntry> r : byId.entrySet()) {
						NameTableEntry e = r.getValue();
						if (!refusedBy.containsKey(e.name())) {
							// Samba sends TTL 0 in broadcast registrations: there is no server to keep it.
							send(i, NbnsMessages.registrationRequest(r.getKey(), e.name(), 0, address(e, i), true), to);
						}
					}
					long deadline = System.nanoTime() + settings.broadcastInterval().toNanos();
					for (long left; (left = deadline - System.nanoTime()) > 0;) {
						Answer a = answers.poll(left, TimeUnit.NANOSECONDS);
						if (a == null) {
							break;
						}
						NameTableEntry e = byId.get(a.packet().transactionId());
						if (e != null && a.packet().opcode() == NbnsPacket.OP_REGISTRATION
								&& a.packet().rcode() != NbnsPacket.RCODE_OK) {
							refusedBy.putIfAbsent(e.name(), a.source());
						}
					}
				}
			} finally {
				byId.keySet().forEach(transactions::close);
			}
		}
		// Names nobody objected to on any subnet are claimed with one NAME OVERWRITE DEMAND per subnet
		// (RFC 1002 5.1.1.1), in the transaction of the last request there, as Windows does by clearing
		// RD on its last broadcast. A name refused on one subnet is claimed on none.
		for (Map.Entry<BindInterface, Map<Integer, NameTableEntry>> claim : requests.entrySet()) {
			BindInterface i = claim.getKey();
			InetSocketAddress to = new InetSocketAddress(i.broadcast(), settings.port());
			for (Map.Entry<Integer, NameTableEntry> r : claim.getValue().entrySet()) {
				NameTableEntry e = r.getValue();
				if (!refusedBy.containsKey(e.name())) {
					send(i, NbnsMessages.overwriteDemand(r.getKey(), e.name(), 0, address(e, i)), to);
				}
			}
		}
		for (NameTableEntry e : entries) {
			Inet4Address owner = refusedBy.get(e.name());
			if (owner == null) {
				table.set(e.name(), NameState.ACTIVE, Optional.empty());
				event(NameEvent.Kind.REGISTERED, e.name(), Optional.empty(), "registered by broadcast, unopposed");
			} else {
				table.set(e.name(), NameState.CONFLICT, Optional.of(owner));
				event(NameEvent.Kind.REFUSED, e.name(), Optional.of(owner),
						"registration refused: " + owner.getHostAddress() + " owns " + e.name());
			}
		}
	}

	private void send(BindInterface via, NbnsPacket p, InetSocketAddress to) {
		try {
			sender.send(via, p, to);
		} catch (IOException ex) {
			LOG.log(System.Logger.Level.WARNING, "sending to " + to + " failed: " + ex.getMessage());
		}
	}

	/** Sends {@code request} to WINS and waits, following WACKs, for a response; null if none came. */
	private NbnsPacket askWins(BindInterface via, java.util.function.IntFunction<NbnsPacket> request, NetbiosName name)
			throws InterruptedException {
		Inet4Address wins = identity.wins().orElseThrow();
		InetSocketAddress to = new InetSocketAddress(wins, settings.port());
		BlockingQueue<Answer> answers = new LinkedBlockingQueue<>();
		int id = transactions.open(answers);
		try {
			NbnsPacket packet = request.apply(id);
			for (int t = 0; t < settings.unicastTries(); t++) {
				send(via, packet, to);
				long deadline = System.nanoTime() + settings.unicastInterval().toNanos();
				for (long left; (left = deadline - System.nanoTime()) > 0;) {
					Answer a = answers.poll(left, TimeUnit.NANOSECONDS);
					if (a == null) {
						break;
					}
					if (!a.source().equals(wins)) {
						continue;
					}
					if (a.packet().opcode() == NbnsPacket.OP_WACK) {
						long ttl = a.packet().answer() == null ? 0 : a.packet().answer().ttl();
						Duration wait = Duration.ofSeconds(ttl).compareTo(settings.maxWack()) > 0 ? settings.maxWack()
								: Duration.ofSeconds(Math.max(ttl, 1));
						deadline = System.nanoTime() + wait.toNanos();
						event(NameEvent.Kind.WAITING, name, Optional.of(wins),
								"WINS asks to wait up to " + wait.toSeconds() + " s while it checks the current owner");
						continue;
					}
					return a.packet();
				}
			}
			return null;
		} finally {
			transactions.close(id);
		}
	}

	private Result registerWithWins(NameTableEntry e) throws InterruptedException {
		Inet4Address wins = identity.wins().orElseThrow();
		for (BindInterface i : identity.interfaces()) {
			NbAddress a = address(e, i);
			// Opcode 5 for unique names too, not the multi-homed 15 that Samba sends: nmbd 4.17 answers a
			// multi-homed registration of a name another host holds (and defends) by adding the new
			// address to the name, where a plain registration is refused (ACT_ERR), as RFC 1001 15.2.2.
			NbnsPacket answer = askWins(i, id -> NbnsMessages.registrationRequest(id, e.name(), settings.ttlSeconds(), a, false),
					e.name());
			if (answer == null) {
				event(NameEvent.Kind.UNANSWERED, e.name(), Optional.of(wins),
						"WINS server did not answer the registration; registering by broadcast");
				return Result.UNANSWERED;
			}
			if (answer.rcode() != NbnsPacket.RCODE_OK) {
				Optional<Inet4Address> owner = ownerAtWins(i, e.name());
				table.set(e.name(), NameState.CONFLICT, owner);
				event(NameEvent.Kind.REFUSED, e.name(), owner.or(() -> Optional.of(wins)), "WINS " + wins.getHostAddress()
						+ " refused the registration: " + rcodeName(answer.rcode())
						+ owner.map(o -> "; " + o.getHostAddress() + " holds " + e.name()).orElse(""));
				return Result.REFUSED;
			}
			long ttl = answer.answer() == null ? settings.ttlSeconds() : answer.answer().ttl();
			synchronized (this) {
				granted.put(e.name(), ttl);
			}
		}
		table.set(e.name(), NameState.ACTIVE, Optional.empty());
		long ttl = grantedTtl(e.name());
		event(NameEvent.Kind.REGISTERED, e.name(), Optional.of(wins), "registered with WINS " + wins.getHostAddress() + ", TTL " + ttl + " s");
		scheduleRefresh(e.name(), Duration.ofSeconds(Math.max(1, ttl / 2)));
		return Result.REGISTERED;
	}

	private synchronized long grantedTtl(NetbiosName name) {
		return granted.getOrDefault(name, settings.ttlSeconds());
	}

	/** The addresses WINS gives for {@code name}: whoever holds it now. */
	private Optional<Inet4Address> ownerAtWins(BindInterface via, NetbiosName name) throws InterruptedException {
		NbnsPacket answer = askWins(via, id -> NbnsMessages.nameQuery(id, name, false, true), name);
		if (answer != null && answer.rcode() == NbnsPacket.RCODE_OK && answer.answer() != null
				&& answer.answer().data() instanceof NbAddresses nb && !nb.entries().isEmpty()) {
			return Optional.of(nb.entries().get(0).address());
		}
		return Optional.empty();
	}

	private synchronized void scheduleRefresh(NetbiosName name, Duration delay) {
		ScheduledFuture<?> old = refreshes.put(name, scheduler.schedule(() -> refresh(name), delay.toMillis(), TimeUnit.MILLISECONDS));
		if (old != null) {
			old.cancel(false);
		}
	}

	/** RFC 1001 15.1.7: a NAME REFRESH REQUEST to the WINS server at half the TTL. */
	private void refresh(NetbiosName name) {
		Optional<NameTableEntry> entry = table.get(name);
		if (entry.isEmpty() || entry.get().state() != NameState.ACTIVE || identity.wins().isEmpty()) {
			return;
		}
		NameTableEntry e = entry.get();
		Inet4Address wins = identity.wins().get();
		long ttl = grantedTtl(name);
		try {
			for (BindInterface i : identity.interfaces()) {
				NbAddress a = address(e, i);
				NbnsPacket answer = askWins(i, id -> NbnsMessages.refreshRequest(id, name, settings.ttlSeconds(), a, false), name);
				if (answer == null) {
					event(NameEvent.Kind.UNANSWERED, name, Optional.of(wins), "WINS server did not answer the refresh; trying again later");
					scheduleRefresh(name, Duration.ofSeconds(Math.max(1, ttl / 8)));
					return;
				}
				if (answer.rcode() != NbnsPacket.RCODE_OK) {
					table.set(name, NameState.CONFLICT, Optional.empty());
					event(NameEvent.Kind.CONFLICT, name, Optional.of(wins), "WINS refused the refresh: " + rcodeName(answer.rcode()));
					return;
				}
				if (answer.answer() != null) {
					ttl = answer.answer().ttl();
				}
			}
		} catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return;
		}
		synchronized (this) {
			granted.put(name, ttl);
		}
		event(NameEvent.Kind.REFRESHED, name, Optional.of(wins), "refreshed with WINS, TTL " + ttl + " s");
		scheduleRefresh(name, Duration.ofSeconds(Math.max(1, ttl / 2)));
	}

	/** Releases active names: to WINS (waiting for each answer), or by one broadcast each. */
	void release(List<NameTableEntry> entries) throws InterruptedException {
		for (NameTableEntry e : entries) {
			synchronized (this) {
				ScheduledFuture<?> f = refreshes.remove(e.name());
				if (f != null) {
					f.cancel(false);
				}
			}
			if (e.state() != NameState.ACTIVE) {
				continue;
			}
			for (BindInterface i : identity.interfaces()) {
				NbAddress a = address(e, i);
				if (identity.wins().isPresent()) {
					long ttl = grantedTtl(e.name());
					NbnsPacket answer = askWins(i, id -> NbnsMessages.releaseRequest(id, e.name(), ttl, a, false), e.name());
					if (answer == null) {
						LOG.log(System.Logger.Level.WARNING, "WINS did not answer the release of " + e.name());
					}
				} else {
					int id = transactions.open(new LinkedBlockingQueue<>());
					try {
						send(i, NbnsMessages.releaseRequest(id, e.name(), 0, a, true), new InetSocketAddress(i.broadcast(), settings.port()));
					} finally {
						transactions.close(id);
					}
				}
			}
			table.set(e.name(), NameState.RELEASED, Optional.empty());
			event(NameEvent.Kind.RELEASED, e.name(), identity.wins(), "released");
		}
	}

	/** A conflict demand (RFC 1002 4.2.8) or a refused refresh: the name is no longer Herald's alone. */
	void conflict(NetbiosName name, Inet4Address from) {
		Optional<NameTableEntry> e = table.get(name);
		if (e.isPresent() && e.get().state() == NameState.ACTIVE && !e.get().group()) {
			table.set(name, NameState.CONFLICT, Optional.of(from));
			event(NameEvent.Kind.CONFLICT, name, Optional.of(from), "name conflict demand from " + from.getHostAddress());
		}
	}

	void defended(NetbiosName name, Inet4Address challenger) {
		event(NameEvent.Kind.DEFENDED, name, Optional.of(challenger),
				"refused " + challenger.getHostAddress() + "'s registration of " + name);
	}
}
