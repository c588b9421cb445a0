/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.netbios.internal;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;

import org.herald.netbios.wire.MalformedPacketException;
import org.herald.netbios.wire.NbnsCodec;
import org.herald.netbios.wire.NbnsPacket;

/**
 * A peer on a real loopback socket that answers by a script: for the WINS behaviours that need a
 * server to act in a given way (WACK, a short TTL, a refusal, silence). The real WINS server (nmbd)
 * is exercised by releng/interop/names-interop.sh.
 */
final class ScriptedPeer implements AutoCloseable {

	record Request(NbnsPacket packet, InetSocketAddress from) {
	}

	private final DatagramSocket socket;
	private final BlockingQueue<Request> requests = new LinkedBlockingQueue<>();
	private volatile Function<Request, List<NbnsPacket>> script;
	private final Thread thread;
	private final DatagramSocket broadcastSocket;
	private final Thread broadcastThread;

	ScriptedPeer(int host, int port, Function<Request, List<NbnsPacket>> script) throws IOException {
		this(host, port, false, script);
	}

	/** With {@code broadcasts}, it also hears the subnet's broadcasts (answering from its own address). */
	ScriptedPeer(int host, int port, boolean broadcasts, Function<Request, List<NbnsPacket>> script) throws IOException {
		this.socket = new DatagramSocket(new InetSocketAddress(Loopback.host(host), port));
		this.script = script;
		if (broadcasts) {
			broadcastSocket = new DatagramSocket(null);
			broadcastSocket.setReuseAddress(true);
			broadcastSocket.bind(new InetSocketAddress(Loopback.BROADCAST, port));
			broadcastThread = Thread.ofPlatform().daemon().name("scripted-peer-bcast").start(() -> run(broadcastSocket));
		} else {
			broadcastSocket = null;
			broadcastThread = null;
		}
		this.thread = Thread.ofPlatform().daemon().name("scripted-peer").start(() -> run(socket));
	}

	int port() {
		return socket.getLocalPort();
	}

	void script(Function<Request, List<NbnsPacket>> newScript) {
		this.script = newScript;
	}

	private void run(DatagramSocket from) {
		byte[] buf = new byte[8192];
		while (!from.isClosed()) {
			DatagramPacket dp = new DatagramPacket(buf, buf.length);
			try {
				from.receive(dp);
				Request r = new Request(NbnsCodec.decode(buf, 0, dp.getLength()), (InetSocketAddress) dp.getSocketAddress());
				requests.add(r);
				for (NbnsPacket reply : script.apply(r)) {
					send(reply, r.from());
				}
			} catch (SocketException e) {
				return;
			} catch (IOException | MalformedPacketException e) {
				throw new IllegalStateException(e);
			}
		}
	}

	void send(NbnsPacket p, InetSocketAddress to) throws IOException {
		byte[] b = NbnsCodec.encode(p);
		socket.send(new DatagramPacket(b, b.length, to));
	}

	/** The next request that matches, skipping others; fails after the deadline. */
	Request next(Predicate<NbnsPacket> match) throws InterruptedException {
		long deadline = System.nanoTime() + Loopback.DEADLINE.toNanos();
		for (long left; (left = deadline - System.nanoTime()) > 0;) {
			Request r = requests.poll(left, TimeUnit.NANOSECONDS);
			if (r != null && match.test(r.packet())) {
				return r;
			}
		}
		throw new AssertionError("no matching request within " + Loopback.DEADLINE.toSeconds() + " s");
	}

	/** Every request received so far, without waiting. */
	List<Request> drain() {
		List<Request> all = new java.util.ArrayList<>();
		requests.drainTo(all);
		return all;
	}

	static Duration shortWait() {
		return Duration.ofMillis(300);
	}

	@Override
	public void close() throws InterruptedException {
		socket.close();
		thread.join(2000);
		if (broadcastSocket != null) {
			broadcastSocket.close();
			broadcastThread.join(2000);
		}
	}
}
