/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.smb;

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

import org.herald.netbios.wire.MalformedPacketException;
import org.herald.netbios.wire.SessionHeader;
import org.herald.netbios.wire.SessionPackets;
import org.herald.smb.wire.SmbPacket;

/**
 * The client end of one SMB1 connection: connects from a local interface address; on the NetBIOS
 * session service (TCP 139) it first sends the session request and reads its answer (RFC 1002
 * 4.3.2), on direct hosting (TCP 445) it frames each SMB with a 4-byte length. Then it sends
 * requests and reads their replies. The Messenger's sender and the browser's server-list client
 * both talk through it. Not thread-safe: one conversation at a time.
 */
public final class SmbSession implements AutoCloseable {

	/** A negative session response (RFC 1002 4.3.4), with its error code. */
	public static final class NegativeResponseException extends IOException {
		private static final long serialVersionUID = 1L;
		private final int errorCode;

		NegativeResponseException(int errorCode) {
			super("negative session response: " + SessionPackets.describeNegativeResponse(errorCode));
			this.errorCode = errorCode;
		}

		/** The RFC 1002 code, e.g. {@link SessionPackets#CALLED_NAME_NOT_PRESENT}. */
		public int errorCode() {
			return errorCode;
		}
	}

	/** The longest reply accepted; a longer one fails the session before anything is allocated for it. */
	static final int MAX_REPLY = 1 << 17;

	private final Socket socket;
	private final boolean netbios;
	private final InputStream in;
	private final OutputStream out;

	private SmbSession(Socket socket, boolean netbios) throws IOException {
		this.socket = socket;
		this.netbios = netbios;
		this.in = new BufferedInputStream(socket.getInputStream(), 4096);
		this.out = new BufferedOutputStream(socket.getOutputStream(), 4096);
	}

	/**
	 * Connects to {@code target:port} from {@code local}.
	 *
	 * @param sessionRequest an encoded session request (TCP 139), or null for direct hosting (TCP 445)
	 * @param replyTimeout   how long any one read may wait
	 * @throws NegativeResponseException if the session request was refused
	 */
	public static SmbSession open(Inet4Address local, Inet4Address target, int port, byte[] sessionRequest, Duration connectTimeout,
			Duration replyTimeout) throws IOException {
		Socket s = new Socket();
		try {
			s.bind(new InetSocketAddress(local, 0));
			s.setTcpNoDelay(true);
			s.connect(new InetSocketAddress(target, port), (int) connectTimeout.toMillis());
			s.setSoTimeout((int) replyTimeout.toMillis());
			SmbSession c = new SmbSession(s, sessionRequest != null);
			if (sessionRequest != null) {
				c.requestSession(sessionRequest);
			}
			return c;
		} catch (IOException | RuntimeException e) {
			s.close();
			throw e;
		}
	}

	private void requestSession(byte[] request) throws IOException {
		out.write(request);
		out.flush();
		SessionHeader h = readHeader();
		if (h.type() == SessionHeader.NEGATIVE_SESSION_RESPONSE && h.length() == 1) {
			int code = in.read();
			throw new NegativeResponseException(code < 0 ? SessionPackets.UNSPECIFIED_ERROR : code);
		}
		if (h.type() != SessionHeader.POSITIVE_SESSION_RESPONSE || h.length() != 0) {
			throw new IOException(String.format("unexpected answer 0x%02X (%d bytes) to the session request", h.type(), h.length()));
		}
	}

	/** Sends one request and reads the reply to it. The caller reads the reply's status. */
	public SmbPacket exchange(SmbPacket request) throws IOException {
		send(request);
		return receive(request);
	}

	/** Sends one request. */
	public void send(SmbPacket request) throws IOException {
		byte[] smb = request.encode();
		out.write(netbios ? SessionPackets.message(smb) : SessionPackets.directMessage(smb));
		out.flush();
	}

	/**
	 * The next reply to {@code request} (same command and multiplex id): keep-alives and late replies
	 * to earlier requests are skipped; a transaction may answer with several replies, read each in turn.
	 */
	public SmbPacket receive(SmbPacket request) throws IOException {
		while (true) {
			SessionHeader h = readHeader();
			if (h.type() == SessionHeader.SESSION_KEEP_ALIVE && h.length() == 0) {
				continue;
			}
			if (h.type() != SessionHeader.SESSION_MESSAGE || h.length() > MAX_REPLY) {
				throw new IOException(String.format("unexpected session packet 0x%02X of %d bytes", h.type(), h.length()));
			}
			byte[] reply = new byte[h.length()];
			readFully(reply);
			SmbPacket p;
			try {
				p = SmbPacket.parse(reply);
			} catch (MalformedPacketException e) {
				throw new IOException("garbled reply: " + e.getMessage(), e);
			}
			if (p.header().mid() != request.header().mid()) {
				continue;
			}
			if (!p.header().isReply() || p.command() != request.command()) {
				throw new IOException("the answer is not the reply to " + request);
			}
			return p;
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
