/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.internal;

import java.io.IOException;
import java.net.BindException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

import org.herald.api.BindInterface;
import org.herald.api.Identity;
import org.herald.api.MessageSink;
import org.herald.messenger.HeldNames;

/**
 * Receives WinPopup / NET SEND mailslot datagrams on UDP 138: one socket on each configured
 * interface address (unicast) and one on its subnet broadcast address (broadcasts; SO_REUSEADDR so
 * that several receivers on one host all get them). Each datagram is handled on a virtual thread;
 * at most {@link #MAX_IN_FLIGHT} at once, beyond that the socket is not read (the kernel buffers).
 */
public final class MailslotReceiver implements AutoCloseable {

	static final int MAX_IN_FLIGHT = 512;
	/** RFC 1002 4.4: a datagram is at most 576 bytes on the wire; accept more, up to a UDP payload. */
	static final int BUFFER = 65535;
	static final int RECEIVE_BUFFER = 4 * 1024 * 1024;

	private final Identity identity;
	private final int port;
	private final MailslotMessageHandler handler;
	private final List<DatagramSocket> sockets = new ArrayList<>();
	private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
	private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
	private volatile boolean closed;

	public MailslotReceiver(Identity identity, int port, HeldNames held, MessageSink sink, PeerCharsets charsets, ReceiverCounters counters,
			Clock clock) {
		this.identity = identity;
		this.port = port;
		this.handler = new MailslotMessageHandler(held, identity.workgroup(), new MessageAcceptance(sink, charsets, clock, counters), counters);
	}

	public void start() throws IOException {
		try {
			for (BindInterface i : identity.interfaces()) {
				open(i.address(), false);
				Inet4Address broadcast = i.broadcast();
				if (!broadcast.equals(i.address())) {
					open(broadcast, true);
				}
			}
		} catch (IOException e) {
			close();
			throw e;
		}
	}

	private void open(Inet4Address address, boolean shared) throws IOException {
		DatagramSocket socket = new DatagramSocket(null);
		socket.setReuseAddress(shared);
		try {
			socket.setReceiveBufferSize(RECEIVE_BUFFER);
			socket.bind(new InetSocketAddress(address, port));
		} catch (BindException e) {
			socket.close();
			throw new BindException("cannot bind UDP " + address.getHostAddress() + ":" + port + " (" + e.getMessage()
					+ "; is nmbd or another Herald using it?)");
		}
		sockets.add(socket);
		Thread.ofVirtual().name("herald-mailslot-" + address.getHostAddress() + ":" + port).start(() -> receiveLoop(socket));
	}

	/** The port bound (useful with port 0 in tests: the first unicast socket's). */
	public int boundPort() {
		return sockets.get(0).getLocalPort();
	}

	private void receiveLoop(DatagramSocket socket) {
		byte[] buffer = new byte[BUFFER];
		DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
		while (!closed) {
			try {
				packet.setLength(buffer.length);
				socket.receive(packet);
				byte[] copy = Arrays.copyOf(buffer, packet.getLength());
				var from = packet.getAddress();
				inFlight.acquire();
				workers.execute(() -> {
					try {
						handler.handle(copy, copy.length, from);
					} finally {
						inFlight.release();
					}
				});
			} catch (SocketException e) {
				if (closed || socket.isClosed()) {
					return;
				}
			} catch (IOException e) {
				// a bad receive: go on
			} catch (InterruptedException e) {
				return;
			} catch (RuntimeException e) {
				inFlight.release(); // the executor refused: closing
				return;
			}
		}
	}

	@Override
	public void close() {
		closed = true;
		sockets.forEach(DatagramSocket::close);
		workers.shutdown();
		try {
			workers.awaitTermination(2, java.util.concurrent.TimeUnit.SECONDS); // datagrams being stored
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
