/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.netbios.internal;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.herald.api.BindInterface;
import org.herald.api.Identity;
import org.herald.api.NetbiosName;
import org.herald.api.Settings;
import org.herald.netbios.NameRecord;
import org.herald.netbios.NameService;
import org.herald.netbios.NodeStatus;
import org.herald.netbios.QueryTarget;
import org.herald.netbios.internal.Transactions.Answer;
import org.herald.netbios.wire.NbAddress;
import org.herald.netbios.wire.NbAddresses;
import org.herald.netbios.wire.NbnsMessages;
import org.herald.netbios.wire.NbnsPacket;
import org.herald.netbios.wire.NbnsResourceRecord;
import org.herald.netbios.wire.NodeStatusData;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * The name service client: name queries by broadcast, to a host or to WINS, and node status. Sends
 * from one UDP socket per configured interface, bound to that interface's address (an ephemeral
 * port unless configured). Answers are matched by transaction id; a second answer from the same
 * source to the same request (nmbd can answer twice) is dropped.
 *
 * <p>As a DS component it needs no configuration: each call takes the identity saved in
 * {@link Settings} at that moment (with no interface configured, a call fails and nothing is bound),
 * and sockets of interfaces no longer configured are closed.
 */
@Component(service = NameService.class)
public final class NbnsClient implements NameService, AutoCloseable {

	private final Supplier<Identity> identity;
	private final ClientSettings settings;
	private final Transactions transactions = new Transactions();
	private final Map<BindInterface, NbnsEndpoint> endpoints = new HashMap<>();
	private final AtomicLong duplicates = new AtomicLong();
	private boolean closed;

	public NbnsClient(Identity identity, ClientSettings settings) {
		this(() -> identity, settings);
	}

	/** Takes the identity from {@code identity} at each call. */
	public NbnsClient(Supplier<Identity> identity, ClientSettings settings) {
		this.identity = identity;
		this.settings = settings;
	}

	@Activate
	public NbnsClient(@Reference Settings settings) {
		this(settings::identity, ClientSettings.defaults());
	}

	@Override
	public NameService as(Identity identity) {
		return new NbnsClient(identity, settings);
	}

	@Override
	public List<NameRecord> query(NetbiosName name, QueryTarget target) throws IOException {
		boolean broadcast = target instanceof QueryTarget.Broadcast;
		Identity now = identity.get();
		BindInterface via = broadcast ? now.interfaceForBroadcast(target.address()) : now.interfaceFor(target.address());
		NbnsPacket request = NbnsMessages.nameQuery(0, name, broadcast, target instanceof QueryTarget.Wins);
		Duration interval = broadcast ? settings.broadcastInterval() : settings.unicastInterval();
		int tries = broadcast ? settings.broadcastTries() : settings.unicastTries();
		List<NameRecord> found = new ArrayList<>();
		exchange(now, via, request, target.address(), interval, tries, answer -> {
			NbnsPacket p = answer.packet();
			if (p.opcode() != NbnsPacket.OP_QUERY) {
				return Outcome.IGNORE;
			}
			if (p.rcode() != NbnsPacket.RCODE_OK) {
				return broadcast ? Outcome.IGNORE : Outcome.DONE; // a negative answer from a host or WINS is final
			}
			for (NbnsResourceRecord rr : p.answers()) {
				if (rr.type() == NbnsPacket.TYPE_NB && rr.data() instanceof NbAddresses nb && rr.netbiosName().equals(name)) {
					for (NbAddress a : nb.entries()) {
						found.add(new NameRecord(name, a.address(), a.group(), a.nodeType(), rr.ttl(), answer.source()));
					}
				}
			}
			return found.isEmpty() ? Outcome.IGNORE : broadcast ? Outcome.FINISH_WINDOW : Outcome.DONE;
		});
		return List.copyOf(found);
	}

	@Override
	public Optional<NodeStatus> nodeStatus(Inet4Address host) throws IOException {
		Identity now = identity.get();
		BindInterface via = now.interfaceFor(host);
		NbnsPacket request = NbnsMessages.nodeStatusRequest(0, false);
		NodeStatus[] result = new NodeStatus[1];
		exchange(now, via, request, host, settings.unicastInterval(), settings.unicastTries(), answer -> {
			NbnsResourceRecord rr = answer.packet().answer();
			if (rr != null && rr.data() instanceof NodeStatusData data && answer.source().equals(host)) {
				result[0] = new NodeStatus(host, data.names(), data.unitId());
				return Outcome.DONE;
			}
			return Outcome.IGNORE;
		});
		return Optional.ofNullable(result[0]);
	}

	/** How an answer moves an exchange on. */
	private enum Outcome {
		/** Not an answer to this request: keep waiting. */
		IGNORE,
		/** The exchange is over. */
		DONE,
		/** Collect further answers until the current wait ends, then stop (broadcasts). */
		FINISH_WINDOW
	}

	@FunctionalInterface
	private interface AnswerHandler {
		Outcome accept(Answer answer);
	}

	private void exchange(Identity now, BindInterface via, NbnsPacket template, Inet4Address to, Duration interval, int tries,
			AnswerHandler handler) throws IOException {
		NbnsEndpoint endpoint = endpoint(now, via);
		BlockingQueue<Answer> answers = new LinkedBlockingQueue<>();
		int id = transactions.open(answers);
		NbnsPacket request = new NbnsPacket(id, false, template.opcode(), template.nmFlags(), 0, template.questions(),
				template.answers(), template.authorities(), template.additionals());
		InetSocketAddress dest = new InetSocketAddress(to, settings.remotePort());
		Set<Inet4Address> answered = new HashSet<>();
		try {
			for (int t = 0; t < tries; t++) {
				endpoint.send(request, dest);
				boolean finishing = false;
				long deadline = System.nanoTime() + interval.toNanos();
				for (long left = interval.toNanos(); left > 0; left = deadline - System.nanoTime()) {
					Answer a = answers.poll(left, TimeUnit.NANOSECONDS);
					if (a == null) {
						break;
					}
					if (!answered.add(a.source())) {
						duplicates.incrementAndGet();
						continue;
					}
					Outcome o = handler.accept(a);
					if (o == Outcome.DONE) {
						return;
					}
					if (o == Outcome.IGNORE) {
						answered.remove(a.source());
					}
					finishing |= o == Outcome.FINISH_WINDOW;
				}
				if (finishing) {
					return;
				}
			}
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted while waiting for an answer", e);
		} finally {
			transactions.close(id);
		}
	}

	private synchronized NbnsEndpoint endpoint(Identity now, BindInterface via) throws IOException {
		if (closed) {
			throw new IOException("name service client closed");
		}
		endpoints.entrySet().removeIf(old -> {
			boolean gone = !now.interfaces().contains(old.getKey());
			if (gone) {
				old.getValue().close();
			}
			return gone;
		});
		NbnsEndpoint e = endpoints.get(via);
		if (e == null) {
			e = new NbnsEndpoint(new InetSocketAddress(via.address(), settings.localPort()), false, this::onPacket, "nbns-client");
			endpoints.put(via, e);
		}
		return e;
	}

	private void onPacket(NbnsPacket packet, InetSocketAddress from, NbnsEndpoint via) {
		transactions.deliver(packet, from);
	}

	/** Duplicate answers dropped so far (same request, same source). */
	public long duplicates() {
		return duplicates.get();
	}

	/** Malformed packets received and dropped so far. */
	public synchronized long malformed() {
		return endpoints.values().stream().mapToLong(NbnsEndpoint::malformed).sum();
	}

	@Override
	@Deactivate
	public synchronized void close() {
		closed = true;
		endpoints.values().forEach(NbnsEndpoint::close);
		endpoints.clear();
	}
}
