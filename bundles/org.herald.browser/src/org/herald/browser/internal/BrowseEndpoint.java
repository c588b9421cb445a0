/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.browser.internal;

import java.io.IOException;
import java.net.BindException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.herald.api.BindInterface;
import org.herald.browser.wire.BrowseDatagram;
import org.herald.netbios.wire.MalformedPacketException;

/**
 * The browser's UDP 138 sockets on one configured interface: one on the subnet broadcast address
 * (SO_REUSEADDR, so nmbd or a Herald listener on the same host still gets every broadcast) and one
 * on the interface address for unicast. The unicast port may be held by another receiver on this
 * host (nmbd, or Herald's own Messenger listener); then the endpoint sends from an ephemeral port
 * and hears only broadcasts. Malformed datagrams are counted and dropped; the readers never die.
 */
final class BrowseEndpoint implements AutoCloseable {

	private static final System.Logger LOG = System.getLogger(BrowseEndpoint.class.getName());

	interface Handler {
		void handle(BrowseDatagram datagram, BindInterface via);
	}

	private final BindInterface iface;
	private final int port;
	private final Handler handler;
	private final List<DatagramSocket> sockets = new ArrayList<>();
	private DatagramSocket sender;
	private boolean unicastBound;
	private final AtomicLong received;
	private final AtomicLong frames;
	private final AtomicLong malformed;
	private volatile boolean closed;

	BrowseEndpoint(BindInterface iface, int port, Handler handler, AtomicLong received, AtomicLong frames, AtomicLong malformed) {
		this.iface = iface;
		this.port = port;
		this.handler = handler;
		this.received = received;
		this.frames = frames;
		this.malformed = malformed;
	}

	/** Binds; with {@code listen} false only the sending socket (ephemeral port). */
	void open(boolean listen) throws IOException {
		if (listen) {
			if (!iface.broadcast().equals(iface.address())) {
				sockets.add(bind(iface.broadcast(), port, true));
			}
			try {
				sender = bind(iface.address(), port, false);
				sockets.add(sender);
				unicastBound = true;
			} catch (BindException e) {
				LOG.log(System.Logger.Level.INFO, "UDP " + iface.address().getHostAddress() + ":" + port
						+ " is taken (nmbd or a Herald listener?): browsing hears broadcasts only there");
			}
		}
		if (sender == null) {
			sender = bind(iface.address(), 0, false);
			sockets.add(sender);
		}
		for (DatagramSocket s : sockets) {
			Thread.ofPlatform().daemon().name("herald-browse " + s.getLocalSocketAddress()).start(() -> read(s));
		}
	}

	private static DatagramSocket bind(Inet4Address address, int port, boolean shared) throws IOException {
		DatagramSocket s = new DatagramSocket(null);
		try {
			s.setReuseAddress(shared);
			s.setBroadcast(true);
			s.bind(new InetSocketAddress(address, port));
			return s;
		} catch (IOException e) {
			s.close();
			if (e instanceof BindException) {
				throw new BindException("cannot bind UDP " + address.getHostAddress() + ":" + port + ": " + e.getMessage());
			}
			throw e;
		}
	}

	boolean unicastBound() {
		return unicastBound;
	}

	BindInterface iface() {
		return iface;
	}

	/** Sends a datagram's bytes to {@code to} (a host, or the subnet broadcast address) on the datagram port. */
	void send(byte[] datagram, Inet4Address to) throws IOException {
		sender.send(new DatagramPacket(datagram, datagram.length, new InetSocketAddress(to, port)));
	}

	private void read(DatagramSocket s) {
		byte[] buf = new byte[65535];
		DatagramPacket p = new DatagramPacket(buf, buf.length);
		while (!closed) {
			try {
				p.setLength(buf.length);
				s.receive(p);
			} catch (IOException e) {
				if (closed || s.isClosed()) {
					return;
				}
				continue;
			}
			received.incrementAndGet();
			Optional<BrowseDatagram> d;
			try {
				d = BrowseDatagram.parse(buf, p.getLength());
			} catch (MalformedPacketException | RuntimeException e) {
				malformed.incrementAndGet();
				continue;
			}
			if (d.isPresent()) {
				frames.incrementAndGet();
				try {
					handler.handle(d.get(), iface);
				} catch (RuntimeException e) {
					LOG.log(System.Logger.Level.WARNING, "handling a browser frame failed", e);
				}
			}
		}
	}

	@Override
	public void close() {
		closed = true;
		sockets.forEach(DatagramSocket::close);
	}
}
