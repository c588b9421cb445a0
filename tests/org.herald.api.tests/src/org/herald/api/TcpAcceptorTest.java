/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** The shared TCP acceptor on loopback addresses: connections reach the handler, a failing handler costs one connection, close frees the ports. */
class TcpAcceptorTest {

	private static InetSocketAddress loopback(int lastOctet, int port) throws IOException {
		return new InetSocketAddress(InetAddress.getByAddress(new byte[] { 127, 0, 0, (byte) lastOctet }), port);
	}

	@Test
	void handsEachConnectionToTheHandlerOfItsAddress() throws Exception {
		BlockingQueue<String> seen = new LinkedBlockingQueue<>();
		try (TcpAcceptor acceptor = new TcpAcceptor()) {
			InetSocketAddress one = acceptor.listen(loopback(61, 0), 8, "test-accept-one", s -> {
				seen.add("one " + s.getLocalAddress().getHostAddress());
				TcpAcceptor.closeQuietly(s);
			});
			InetSocketAddress two = acceptor.listen(loopback(62, 0), 8, "test-accept-two", s -> {
				seen.add("two " + s.getLocalAddress().getHostAddress());
				TcpAcceptor.closeQuietly(s);
			});
			assertEquals(List.of(one, two), acceptor.addresses());
			try (Socket a = new Socket(one.getAddress(), one.getPort()); Socket b = new Socket(two.getAddress(), two.getPort())) {
				Set<String> both = new HashSet<>();
				both.add(seen.poll(10, TimeUnit.SECONDS));
				both.add(seen.poll(10, TimeUnit.SECONDS));
				assertEquals(Set.of("one 127.0.0.61", "two 127.0.0.62"), both);
			}
		}
	}

	@Test
	void aFailingHandlerDropsItsConnectionAndTheAcceptorGoesOn() throws Exception {
		BlockingQueue<Integer> calls = new LinkedBlockingQueue<>();
		AtomicInteger count = new AtomicInteger();
		try (TcpAcceptor acceptor = new TcpAcceptor()) {
			InetSocketAddress at = acceptor.listen(loopback(63, 0), 8, "test-accept-failing", s -> {
				calls.add(count.incrementAndGet());
				throw new IllegalStateException("handler failed");
			});
			try (Socket first = new Socket(at.getAddress(), at.getPort())) {
				assertEquals(1, calls.poll(10, TimeUnit.SECONDS));
				assertEquals(-1, first.getInputStream().read(), "the acceptor closed the connection the handler failed on");
			}
			try (Socket second = new Socket(at.getAddress(), at.getPort())) {
				assertEquals(2, calls.poll(10, TimeUnit.SECONDS));
			}
		}
	}

	@Test
	void aTakenPortIsABindExceptionAndCloseFreesThePort() throws Exception {
		TcpAcceptor first = new TcpAcceptor();
		InetSocketAddress at = first.listen(loopback(64, 0), 8, "test-accept-first", TcpAcceptor::closeQuietly);
		try (TcpAcceptor second = new TcpAcceptor()) {
			assertThrows(BindException.class, () -> second.listen(at, 8, "test-accept-second", TcpAcceptor::closeQuietly));
			assertEquals(List.of(), second.addresses());
			first.close();
			assertThrows(IllegalStateException.class, () -> first.listen(loopback(64, 0), 8, "test-accept-closed", TcpAcceptor::closeQuietly));
			assertEquals(at, second.listen(at, 8, "test-accept-again", TcpAcceptor::closeQuietly), "the port is free once close returned");
			assertTrue(second.addresses().contains(at));
		}
	}
}
