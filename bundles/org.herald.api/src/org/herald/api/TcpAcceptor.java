/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.api;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * Accepts TCP connections on the addresses a service listens on (each a configured interface
 * address): one listening socket and one accepting thread per address, every connection handed to
 * the address's {@link Handler} on that thread. An accept that fails while the acceptor is open is
 * passed over; {@link #close()} closes every listening socket and waits for the accepting threads
 * to leave. The messenger's session receiver (TCP 139/445) and the peer service (TCP 1139) share it.
 */
public final class TcpAcceptor implements AutoCloseable {

	/** What a service does with a connection; runs on the accepting thread, so it hands long work to another. */
	@FunctionalInterface
	public interface Handler {
		/** @param socket the accepted connection; the handler owns it (closes it or passes it on) */
		void accepted(Socket socket);
	}

	private final List<ServerSocket> servers = new ArrayList<>(); // guarded by this
	private final List<Thread> acceptors = new ArrayList<>(); // guarded by this
	private volatile boolean closed;

	/**
	 * Binds {@code address} (port 0: an ephemeral port) with SO_REUSEADDR and starts accepting on a
	 * daemon thread called {@code threadName}.
	 *
	 * @return the address bound
	 * @throws IOException as the bind failed (a {@link java.net.BindException} when the port is taken); nothing is left open
	 */
	public synchronized InetSocketAddress listen(InetSocketAddress address, int backlog, String threadName, Handler handler) throws IOException {
		if (closed) {
			throw new IllegalStateException("the acceptor is closed");
		}
		ServerSocket server = new ServerSocket();
		try {
			server.setReuseAddress(true);
			server.bind(address, backlog);
		} catch (IOException | RuntimeException e) {
			server.close();
			throw e;
		}
		servers.add(server);
		acceptors.add(Thread.ofPlatform().daemon().name(threadName).start(() -> acceptLoop(server, handler)));
		return (InetSocketAddress) server.getLocalSocketAddress();
	}

	/** The addresses bound, in the order they were. */
	public synchronized List<InetSocketAddress> addresses() {
		return servers.stream().map(s -> (InetSocketAddress) s.getLocalSocketAddress()).toList();
	}

	private void acceptLoop(ServerSocket server, Handler handler) {
		while (!closed) {
			Socket socket;
			try {
				socket = server.accept();
			} catch (IOException e) {
				if (closed || server.isClosed()) {
					return;
				}
				continue;
			}
			try {
				handler.accepted(socket);
			} catch (RuntimeException e) {
				closeQuietly(socket); // a failing handler drops the connection, never the acceptor
			}
		}
	}

	/** Closes a connection a service gives up on; an error closing it changes nothing. */
	public static void closeQuietly(Socket s) {
		try {
			s.close();
		} catch (IOException e) {
			// closing anyway
		}
	}

	/** Closes every listening socket and waits for the accepting threads; connections already handed over stay the handlers'. */
	@Override
	public void close() {
		List<Thread> threads;
		synchronized (this) {
			closed = true;
			for (ServerSocket s : servers) {
				try {
					s.close();
				} catch (IOException e) {
					// closing anyway
				}
			}
			threads = List.copyOf(acceptors);
		}
		for (Thread t : threads) {
			Threads.joinUninterruptibly(t);
		}
	}
}
