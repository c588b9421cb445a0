/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.internal;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;

import org.herald.api.NetbiosName;
import org.herald.messenger.HeldNames;
import org.herald.netbios.wire.MalformedPacketException;
import org.herald.netbios.wire.SessionHeader;
import org.herald.netbios.wire.SessionPackets;
import org.herald.netbios.wire.SessionRequest;

/**
 * One accepted TCP connection. On 139 the first packet must be a session request (RFC 1002 4.3.2)
 * calling a held NAME&lt;03&gt;, answered positively, or negatively with 0x82 (called name not
 * present) and closed. On 445 SMBs come directly, each behind a 4-byte length. Keep-alives are
 * skipped. A packet longer than {@link #MAX_PACKET}, a non-SMB1 payload or a broken frame closes
 * the connection (counted as malformed). The idle timeout is a deadline per packet: each packet
 * must arrive whole within it from the moment the connection waits for it, so a connection that is
 * silent, stops half-way or trickles a byte at a time is closed after it (counted).
 */
final class SessionConnection implements Runnable {

	/** Largest SMB accepted; message commands are far smaller (negotiate requests are the largest). */
	static final int MAX_PACKET = 16 * 1024;
	/** A session request holds two names of at most 255 bytes each. */
	static final int MAX_SESSION_REQUEST = 2 * 255;

	private final Socket socket;
	private final boolean netbios;
	private final HeldNames held;
	private final MessageAcceptance acceptance;
	private final ReceiverCounters counters;
	private final String workgroup;
	private final Clock clock;
	private final long idleNanos;
	private long deadline;

	SessionConnection(Socket socket, boolean netbios, HeldNames held, MessageAcceptance acceptance, ReceiverCounters counters,
			String workgroup, Clock clock, Duration idleTimeout) {
		this.socket = socket;
		this.netbios = netbios;
		this.held = held;
		this.acceptance = acceptance;
		this.counters = counters;
		this.workgroup = workgroup;
		this.clock = clock;
		this.idleNanos = idleTimeout.toNanos();
	}

	@Override
	public void run() {
		try (Socket s = socket) {
			try {
				serve(s);
			} catch (MalformedPacketException | EOFException e) {
				counters.malformed.increment(); // counted before the close that the peer sees
			} catch (SocketTimeoutException e) {
				counters.idleTimeouts.increment();
			}
		} catch (IOException e) {
			// reset, idle timeout: the connection ends; the listener goes on
		}
	}

	private void serve(Socket s) throws IOException, MalformedPacketException {
		InputStream in = new BufferedInputStream(new DeadlineInput(s), 4096);
		OutputStream out = new BufferedOutputStream(s.getOutputStream(), 4096);
		String called = "";
		String calling = "";
		if (netbios) {
			SessionRequest request = sessionRequest(in, out);
			if (request == null) {
				return;
			}
			called = request.called().name().name();
			calling = request.calling().name().name();
		}
		MessageAcceptance.Origin origin = new MessageAcceptance.Origin(s.getInetAddress(), calling, null);
		SmbMessengerSession session = new SmbMessengerSession(acceptance, counters, origin, called, workgroup, clock);
		byte[] head = new byte[SessionHeader.LENGTH];
		while (true) {
			startPacket();
			if (!readFully(in, head, true)) {
				return;
			}
			SessionHeader h = netbios ? SessionHeader.parseNetbios(head, 0) : SessionHeader.parseDirect(head, 0);
			if (h.type() == SessionHeader.SESSION_KEEP_ALIVE && h.length() == 0) {
				continue;
			}
			if (h.type() != SessionHeader.SESSION_MESSAGE || h.length() > MAX_PACKET) {
				counters.malformed.increment();
				return;
			}
			byte[] smb = new byte[h.length()];
			readFully(in, smb, false);
			byte[] reply = session.handle(smb);
			if (reply == null) {
				return;
			}
			out.write(netbios ? SessionPackets.message(reply) : SessionPackets.directMessage(reply));
			out.flush();
		}
	}

	/** Reads the session request; answers it; returns it if accepted. */
	private SessionRequest sessionRequest(InputStream in, OutputStream out) throws IOException, MalformedPacketException {
		byte[] head = new byte[SessionHeader.LENGTH];
		SessionHeader h;
		do {
			startPacket();
			if (!readFully(in, head, true)) {
				return null;
			}
			h = SessionHeader.parseNetbios(head, 0);
		} while (h.type() == SessionHeader.SESSION_KEEP_ALIVE && h.length() == 0);
		if (h.type() != SessionHeader.SESSION_REQUEST || h.length() > MAX_SESSION_REQUEST) {
			counters.malformed.increment();
			out.write(SessionPackets.negativeResponse(SessionPackets.UNSPECIFIED_ERROR));
			out.flush();
			return null;
		}
		byte[] trailer = new byte[h.length()];
		readFully(in, trailer, false);
		SessionRequest request = SessionRequest.parseTrailer(trailer);
		NetbiosName called = request.called().name();
		if (called.suffix() != NetbiosName.MESSENGER || !request.called().scope().isEmpty() || !held.holds(called)) {
			counters.refusedSessions.increment();
			out.write(SessionPackets.negativeResponse(SessionPackets.CALLED_NAME_NOT_PRESENT));
			out.flush();
			return null;
		}
		out.write(SessionPackets.positiveResponse());
		out.flush();
		return request;
	}

	/** The next packet (header and body) must be here whole within the idle timeout from now. */
	private void startPacket() {
		deadline = System.nanoTime() + idleNanos;
	}

	/** The socket's input, each read bounded by what is left until the packet's deadline. */
	private final class DeadlineInput extends InputStream {
		private final Socket socket;
		private final InputStream in;

		DeadlineInput(Socket socket) throws IOException {
			this.socket = socket;
			this.in = socket.getInputStream();
		}

		@Override
		public int read() throws IOException {
			byte[] one = new byte[1];
			return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			long left = deadline - System.nanoTime();
			if (left <= 0) {
				throw new SocketTimeoutException("packet not complete within the idle timeout");
			}
			// setSoTimeout(0) would mean forever: at least 1 ms
			socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, left / 1_000_000)));
			return in.read(b, off, len);
		}
	}

	/**
	 * Fills {@code buf}. Returns false on a clean end of stream before the first byte when
	 * {@code eofAllowed}; an end of stream anywhere else is an {@link EOFException}.
	 */
	private static boolean readFully(InputStream in, byte[] buf, boolean eofAllowed) throws IOException {
		int n = 0;
		while (n < buf.length) {
			int r = in.read(buf, n, buf.length - n);
			if (r < 0) {
				if (n == 0 && eofAllowed) {
					return false;
				}
				throw new EOFException("connection closed in the middle of a packet");
			}
			n += r;
		}
		return true;
	}
}
