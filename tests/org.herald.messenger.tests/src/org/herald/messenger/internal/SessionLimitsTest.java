/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.internal;

import static org.herald.messenger.internal.Loopback.ip;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import org.herald.api.NetbiosName;
import org.herald.api.SessionLimits;

import org.herald.netbios.wire.SessionPackets;
import org.herald.netbios.wire.SessionRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.herald.smb.wire.SmbPacket;

/**
 * The session receiver's limits over real TCP on loopback (Herald on 127.0.0.2, senders from
 * 127.0.0.1 and 127.0.0.3): the idle timeout, sessions per address and in all. Nothing waits for
 * a time: each check waits for what the receiver does, with a generous deadline.
 */
class SessionLimitsTest {

	/** How long any awaited effect may take on a busy machine. */
	private static final Duration DEADLINE = Duration.ofSeconds(60);
	private static final HexFormat HEX = HexFormat.of();
	/** smbclient's 0xD5, 0xD7 "Hello", 0xD6 (as in SessionReceiverTest). */
	private static final String[] CONVERSATION = {
			"ff534d42d5000000000000000000000000000000000000000000232000000000000e0004616c6963650004534d42443100",
			"ff534d42d7000000000000000000000000000000000000000000232000000000010000080001050048656c6c6f",
			"ff534d42d60000000000000000000000000000000000000000002320000000000100000000" };

	private Loopback.Host host;
	private final List<Socket> sockets = new ArrayList<>();

	@AfterEach
	void stop() throws IOException {
		for (Socket s : sockets) {
			s.close();
		}
		if (host != null) {
			host.close();
		}
	}

	private void start(SessionLimits limits) throws IOException {
		start(() -> limits);
	}

	private void start(java.util.function.Supplier<SessionLimits> limits) throws IOException {
		host = new Loopback.Host("HERALD", "127.0.0.2", Loopback.freePorts(), limits);
	}

	private int port139() {
		return host.session.boundPort(ip("127.0.0.2"), true);
	}

	private Socket connect(String from) throws IOException {
		Socket s = new Socket();
		sockets.add(s);
		s.bind(new InetSocketAddress(ip(from), 0));
		s.connect(new InetSocketAddress(ip("127.0.0.2"), port139()), (int) DEADLINE.toMillis());
		s.setSoTimeout((int) DEADLINE.toMillis());
		return s;
	}

	/** A session from {@code from} that the receiver took: its session request was answered positively. */
	private Socket session(String from) throws IOException {
		Socket s = connect(from);
		s.getOutputStream().write(new SessionRequest(new NetbiosName("HERALD", 3), new NetbiosName("CLIENT", 0)).encode());
		assertArrayEquals(SessionPackets.positiveResponse(), read(s.getInputStream(), 4));
		return s;
	}

	/** Sends a whole multi-block message on an established session; true if each request was answered with success. */
	private static boolean converse(Socket s) throws Exception {
		OutputStream out = s.getOutputStream();
		InputStream in = s.getInputStream();
		for (String hex : CONVERSATION) {
			out.write(SessionPackets.message(HEX.parseHex(hex)));
			byte[] h = read(in, 4);
			int len = (h[1] & 0x01) << 16 | (h[2] & 0xFF) << 8 | (h[3] & 0xFF);
			if (!SmbPacket.parse(read(in, len)).header().success()) {
				return false;
			}
		}
		return true;
	}

	private static byte[] read(InputStream in, int n) throws IOException {
		byte[] b = new byte[n];
		new DataInputStream(in).readFully(b);
		return b;
	}

	/** Whether the receiver ended the connection: end of stream or a reset, before any byte. */
	private static boolean closedByPeer(Socket s) throws IOException {
		try {
			return s.getInputStream().read() == -1;
		} catch (SocketException e) {
			return true; // reset: closed with our bytes unread
		}
	}

	private static void await(String what, BooleanSupplier condition) {
		Loopback.await(condition, DEADLINE, () -> what);
	}

	@Test
	void theIdleTimeoutClosesASilentConnection() throws Exception {
		start(new SessionLimits(Duration.ofSeconds(1), 16, 1024));
		Socket silent = connect("127.0.0.1");
		assertTrue(closedByPeer(silent), "a connection that sends nothing is closed");
		await("the idle timeout counted", () -> host.counters.snapshot().idleTimeouts() == 1);
		Socket quiet = session("127.0.0.1");
		assertTrue(closedByPeer(quiet), "a session that says nothing after its session request is closed");
		await("both counted", () -> host.counters.snapshot().idleTimeouts() == 2);
		await("no session left open", () -> host.session.openSessions() == 0);
	}

	@Test
	void theIdleTimeoutClosesAHalfSentMessage() throws Exception {
		start(new SessionLimits(Duration.ofSeconds(1), 16, 1024));
		Socket s = session("127.0.0.1");
		byte[] start = SessionPackets.message(HEX.parseHex(CONVERSATION[0]));
		s.getOutputStream().write(start, 0, start.length / 2); // the frame header says more follows
		assertTrue(closedByPeer(s), "a packet cut half-way is not waited for beyond the idle timeout");
		await("counted as an idle timeout", () -> host.counters.snapshot().idleTimeouts() == 1);
		assertEquals(0, host.sink.messages().size());
		assertEquals(0, host.counters.snapshot().malformed(), "a sender that stalls is not a malformed packet");
	}

	@Test
	void thePerAddressLimitRefusesTheNextSessionWhileAnotherAddressIsServed() throws Exception {
		start(new SessionLimits(Duration.ofSeconds(600), 2, 1024));
		Socket first = session("127.0.0.1");
		Socket second = session("127.0.0.1");
		Socket third = connect("127.0.0.1");
		assertTrue(closedByPeer(third), "the third session from 127.0.0.1 is closed at once");
		await("counted", () -> host.counters.snapshot().limitedConnections() == 1);
		// another address is served meanwhile, in full
		assertTrue(converse(session("127.0.0.3")));
		assertTrue(converse(session("127.0.0.3")));
		assertEquals(2, host.sink.messages().size());
		// the two held sessions still work
		assertTrue(converse(first));
		assertTrue(converse(second));
		assertEquals(ip("127.0.0.1"), host.sink.messages().get(3).senderAddress());
		// once one of them ends, 127.0.0.1 gets a session again
		first.close();
		await("the closed session's slot is free", () -> host.session.openSessions() <= 3);
		assertTrue(converse(session("127.0.0.1")));
		assertEquals(1, host.counters.snapshot().limitedConnections());
	}

	@Test
	void theLimitInAllRefusesASessionFromAnyAddress() throws Exception {
		start(new SessionLimits(Duration.ofSeconds(600), 16, 2));
		session("127.0.0.1");
		Socket second = session("127.0.0.3");
		assertTrue(closedByPeer(connect("127.0.0.4")), "a third source finds the receiver full");
		await("counted", () -> host.counters.snapshot().droppedConnections() == 1);
		assertEquals(0, host.counters.snapshot().limitedConnections());
		second.close();
		await("a slot is free", () -> host.session.openSessions() == 1);
		assertTrue(converse(session("127.0.0.4")));
	}

	@Test
	void changedLimitsApplyWhileTheReceiverRuns() throws Exception {
		AtomicReference<SessionLimits> saved = new AtomicReference<>(new SessionLimits(Duration.ofSeconds(600), 1, 1024));
		start(saved::get);
		session("127.0.0.1");
		assertTrue(closedByPeer(connect("127.0.0.1")), "the limit read at start applies to the first sessions");
		saved.set(new SessionLimits(Duration.ofSeconds(600), 3, 1024));
		// the receiver reads the limits again about once a second: wait until a second session is taken
		await("a second session from 127.0.0.1 taken", () -> {
			try {
				Socket s = connect("127.0.0.1");
				s.getOutputStream().write(new SessionRequest(new NetbiosName("HERALD", 3), new NetbiosName("CLIENT", 0)).encode());
				return s.getInputStream().read() == (SessionPackets.positiveResponse()[0] & 0xFF);
			} catch (IOException e) {
				return false;
			}
		});
		assertTrue(converse(session("127.0.0.1")), "and a third");
	}
}
