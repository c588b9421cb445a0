/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.herald.api.NetbiosName;
import org.herald.netbios.wire.SessionRequest;
import org.herald.smb.SmbSession;
import org.herald.smb.wire.SmbCommand;
import org.herald.smb.wire.SmbHeader;
import org.herald.smb.wire.SmbPacket;
import org.herald.smb.wire.StartMultiBlock;

/** The network probes of a diagnosis, each from a given local address with a timeout. */
final class PathProbes {

	/** How a port answered. */
	enum Reach {
		OPEN, REFUSED, FILTERED, UNREACHABLE
	}

	private final Inet4Address local;
	private final Duration timeout;

	PathProbes(Inet4Address local, Duration timeout) {
		this.local = local;
		this.timeout = timeout;
	}

	/** A TCP connect: open, refused (a reset: nothing listens), filtered (no answer), or no route. */
	Reach tcp(Inet4Address host, int port) {
		try (Socket s = new Socket()) {
			s.bind(new InetSocketAddress(local, 0));
			s.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
			return Reach.OPEN;
		} catch (NoRouteToHostException e) {
			return Reach.UNREACHABLE;
		} catch (ConnectException e) {
			return e.getMessage() != null && e.getMessage().contains("unreachable") ? Reach.UNREACHABLE : Reach.REFUSED;
		} catch (SocketTimeoutException e) {
			return Reach.FILTERED;
		} catch (IOException e) {
			return Reach.UNREACHABLE;
		}
	}

	/**
	 * An empty UDP datagram: REFUSED when an ICMP port unreachable comes back (nothing listens),
	 * else FILTERED, which for UDP means "open or filtered": a datagram service never answers.
	 */
	Reach udp(Inet4Address host, int port) {
		try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(local, 0))) {
			s.connect(host, port);
			s.send(new DatagramPacket(new byte[0], 0));
			s.setSoTimeout((int) Math.min(timeout.toMillis(), 1000));
			s.receive(new DatagramPacket(new byte[1], 1));
			return Reach.OPEN;
		} catch (PortUnreachableException e) {
			return Reach.REFUSED;
		} catch (SocketTimeoutException e) {
			return Reach.FILTERED;
		} catch (IOException e) {
			return Reach.UNREACHABLE;
		}
	}

	/**
	 * Opens a session: on 139 with a session request for {@code called} (a negative answer raises
	 * {@link SmbSession.NegativeResponseException}), on 445 direct.
	 */
	SmbSession session(Inet4Address host, int port, NetbiosName called, NetbiosName calling) throws IOException {
		byte[] request = port == 445 ? null : new SessionRequest(called, calling).encode();
		return SmbSession.open(local, host, port, request, timeout, timeout);
	}

	/**
	 * SEND_START_MB_MESSAGE (MS-MSRP 2.2.1: the receiver must answer it) from {@code from} to
	 * {@code to}; the caller closes the session without text or end, so nothing is delivered.
	 *
	 * @return the reply's header
	 */
	static SmbHeader startMessage(SmbSession session, String from, String to) throws IOException {
		StartMultiBlock start = new StartMultiBlock(from.getBytes(StandardCharsets.ISO_8859_1), to.getBytes(StandardCharsets.ISO_8859_1));
		SmbPacket reply = session.exchange(start.toPacket(SmbHeader.request(SmbCommand.SEND_START_MB_MESSAGE, 1)));
		return reply.header();
	}
}
