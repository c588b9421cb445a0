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
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

import org.herald.messenger.wire.SmbPacket;
import org.herald.netbios.wire.MalformedPacketException;
import org.herald.netbios.wire.SessionHeader;
import org.herald.netbios.wire.SessionPackets;

/**
 * The client end of one TCP session: connects from a local interface address, on 139 sends the
 * session request and reads its answer, then exchanges SMB requests and replies.
 */
final class SessionClient implements AutoCloseable {

	/** A negative session response, with its RFC 1002 error code. */
	static final class NegativeResponseException extends IOException {
		private static final long serialVersionUID = 1L;
		final int errorCode;

		NegativeResponseException(int errorCode) {
			super("negative session response: " + SessionPackets.describeNegativeResponse(errorCode));
			this.errorCode = errorCode;
		}
	}

	private static final int MAX_REPLY = 64 * 1024;

	private final Socket socket;
	private final boolean netbios;
	private final InputStream in;
	private final OutputStream out;

	private SessionClient(Socket socket, boolean netbios) throws IOException {
		this.socket = socket;
		this.netbios = netbios;
		this.in = new BufferedInputStream(socket.getInputStream(), 4096);
		this.out = new BufferedOutputStream(socket.getOutputStream(), 4096);
	}

	/**
	 * Connects to {@code target:port} from {@code local}; with {@code request} (an encoded session
	 * request, TCP 139) it first runs the session request, without (TCP 445) it frames SMBs directly.
	 */
	static SessionClient open(Inet4Address local, Inet4Address target, int port, byte[] request, Duration connectTimeout,
			Duration replyTimeout) throws IOException {
		Socket s = new Socket();
		try {
			s.bind(new InetSocketAddress(local, 0));
			s.setTcpNoDelay(true);
			s.connect(new InetSocketAddress(target, port), (int) connectTimeout.toMillis());
			s.setSoTimeout((int) replyTimeout.toMillis());
			SessionClient c = new SessionClient(s, request != null);
			if (request != null) {
				c.out.write(request);
				c.out.flush();
				SessionHeader h = c.readHeader();
				if (h.type() == SessionHeader.NEGATIVE_SESSION_RESPONSE && h.length() == 1) {
					int code = c.in.read();
					throw new NegativeResponseException(code < 0 ? SessionPackets.UNSPECIFIED_ERROR : code);
				}
				if (h.type() != SessionHeader.POSITIVE_SESSION_RESPONSE) {
					throw new IOException(String.format("unexpected answer 0x%02X to the session request", h.type()));
				}
			}
			return c;
		} catch (IOException | RuntimeException e) {
			s.close();
			throw e;
		}
	}

	/** Sends one request and reads the reply to it (skipping keep-alives). */
	SmbPacket exchange(SmbPacket request) throws IOException {
		byte[] smb = request.encode();
		out.write(netbios ? SessionPackets.message(smb) : SessionPackets.directMessage(smb));
		out.flush();
		while (true) {
			SessionHeader h = readHeader();
			if (h.type() == SessionHeader.SESSION_KEEP_ALIVE) {
				continue;
			}
			if (h.type() != SessionHeader.SESSION_MESSAGE || h.length() > MAX_REPLY) {
				throw new IOException(String.format("unexpected session packet 0x%02X of %d bytes", h.type(), h.length()));
			}
			byte[] reply = new byte[h.length()];
			readFully(reply);
			try {
				SmbPacket p = SmbPacket.parse(reply);
				if (!p.header().isReply() || p.command() != request.command() || p.header().mid() != request.header().mid()) {
					throw new IOException("the answer is not the reply to " + request);
				}
				return p;
			} catch (MalformedPacketException e) {
				throw new IOException("garbled reply: " + e.getMessage(), e);
			}
		}
	}

	private SessionHeader readHeader() throws IOException {
		byte[] head = new byte[SessionHeader.LENGTH];
		readFully(head);
		try {
			return netbios ? SessionHeader.parseNetbios(head, 0) : SessionHeader.parseDirect(head, 0);
		} catch (MalformedPacketException e) {
			throw new IOException("garbled session header: " + e.getMessage(), e);
		}
	}

	private void readFully(byte[] b) throws IOException {
		int n = 0;
		while (n < b.length) {
			int r = in.read(b, n, b.length - n);
			if (r < 0) {
				throw new EOFException("the peer closed the connection");
			}
			n += r;
		}
	}

	@Override
	public void close() throws IOException {
		socket.close();
	}
}
