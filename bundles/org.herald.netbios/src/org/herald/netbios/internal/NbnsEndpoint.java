/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.netbios.internal;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.concurrent.atomic.AtomicLong;

import org.herald.netbios.wire.MalformedPacketException;
import org.herald.netbios.wire.NbnsCodec;
import org.herald.netbios.wire.NbnsPacket;

/**
 * One UDP socket for name service packets, bound to one explicit address (never the wildcard), with a
 * thread that reads, decodes and hands packets to a handler. Malformed packets and handler failures
 * are counted and dropped; the thread ends only when the endpoint is closed.
 */
final class NbnsEndpoint implements AutoCloseable {

	private static final System.Logger LOG = System.getLogger(NbnsEndpoint.class.getName());
	/** Large enough for a node status response with 255 names (about 4.7 KB). */
	private static final int BUFFER = 8192;

	@FunctionalInterface
	interface Handler {
		void handle(NbnsPacket packet, InetSocketAddress from, NbnsEndpoint via) throws IOException;
	}

	private final DatagramSocket socket;
	private final Handler handler;
	private final Thread reader;
	private final AtomicLong received = new AtomicLong();
	private final AtomicLong malformed = new AtomicLong();
	private final AtomicLong failures = new AtomicLong();
	private volatile boolean closed;

	/**
	 * Binds to {@code bind} and starts reading.
	 *
	 * @param shared SO_REUSEADDR, for a socket on a subnet broadcast address: every socket bound there
	 *               gets each broadcast, so another node on this host (nmbd binds it too) loses nothing.
	 *               Never for a unicast address, where it would take packets meant for another.
	 * @throws IOException if the address cannot be bound (in use, not local, no permission)
	 */
	NbnsEndpoint(InetSocketAddress bind, boolean shared, Handler handler, String name) throws IOException {
		if (bind.getAddress() == null || bind.getAddress().isAnyLocalAddress() || !(bind.getAddress() instanceof Inet4Address)) {
			throw new IllegalArgumentException("an endpoint binds to one IPv4 address, not " + bind);
		}
		DatagramSocket s = new DatagramSocket(null);
		try {
			s.setBroadcast(true);
			s.setReuseAddress(shared);
			s.bind(bind);
		} catch (IOException e) {
			s.close();
			throw new IOException("cannot bind UDP " + bind.getAddress().getHostAddress() + ":" + bind.getPort() + ": "
					+ e.getMessage(), e);
		}
		this.socket = s;
		this.handler = handler;
		this.reader = Thread.ofPlatform().daemon().name(name + " " + localAddress()).unstarted(this::readLoop);
		reader.start();
	}

	InetSocketAddress localAddress() {
		return (InetSocketAddress) socket.getLocalSocketAddress();
	}

	void send(NbnsPacket packet, InetSocketAddress to) throws IOException {
		byte[] bytes = NbnsCodec.encode(packet);
		socket.send(new DatagramPacket(bytes, bytes.length, to));
	}

	long received() {
		return received.get();
	}

	long malformed() {
		return malformed.get();
	}

	long failures() {
		return failures.get();
	}

	private void readLoop() {
		byte[] buf = new byte[BUFFER];
		DatagramPacket dp = new DatagramPacket(buf, buf.length);
		while (!closed) {
			try {
				dp.setLength(buf.length);
				socket.receive(dp);
			} catch (SocketException e) {
				if (closed) {
					return;
				}
				failures.incrementAndGet();
				LOG.log(System.Logger.Level.WARNING, "receive failed on " + localAddress(), e);
				continue;
			} catch (IOException e) {
				failures.incrementAndGet();
				continue;
			}
			received.incrementAndGet();
			NbnsPacket packet;
			try {
				packet = NbnsCodec.decode(buf, dp.getOffset(), dp.getLength());
			} catch (MalformedPacketException e) {
				malformed.incrementAndGet();
				LOG.log(System.Logger.Level.DEBUG, () -> "malformed packet from " + dp.getSocketAddress() + ": " + e.getMessage());
				continue;
			}
			try {
				handler.handle(packet, (InetSocketAddress) dp.getSocketAddress(), this);
			} catch (IOException | RuntimeException e) {
				failures.incrementAndGet();
				LOG.log(System.Logger.Level.WARNING, "handling a packet from " + dp.getSocketAddress() + " failed", e);
			}
		}
	}

	@Override
	public void close() {
		closed = true;
		socket.close();
		try {
			reader.join(2000);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
