/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.peer;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.herald.peer.wire.Frame;
import org.herald.peer.wire.FrameCodec;
import org.herald.peer.wire.FrameException;
import org.herald.peer.wire.FrameException.Reason;

/**
 * One TCP connection between Herald peers, either side. Before the handshake the initiator sends a
 * preamble in clear, {@code "HRLD" | len u8 | initiator name | len u8 | responder name}, so the
 * responder knows which names to hash into the prologue ({@link PeerPrologue}); a preamble altered
 * on the way makes the handshake fail.
 */
final class PeerConnection implements AutoCloseable {

	static final byte[] MAGIC = "HRLD".getBytes(StandardCharsets.US_ASCII);

	final Socket socket;
	private final InputStream in;
	private final OutputStream out;

	PeerConnection(Socket socket) throws IOException {
		this.socket = socket;
		this.in = new BufferedInputStream(socket.getInputStream());
		this.out = socket.getOutputStream();
	}

	void writePreamble(String initiator, String responder) throws IOException {
		byte[] i = PeerPrologue.canonical(initiator).getBytes(StandardCharsets.US_ASCII);
		byte[] r = PeerPrologue.canonical(responder).getBytes(StandardCharsets.US_ASCII);
		byte[] p = new byte[MAGIC.length + 2 + i.length + r.length];
		System.arraycopy(MAGIC, 0, p, 0, 4);
		p[4] = (byte) i.length;
		System.arraycopy(i, 0, p, 5, i.length);
		p[5 + i.length] = (byte) r.length;
		System.arraycopy(r, 0, p, 6 + i.length, r.length);
		out.write(p);
		out.flush();
	}

	/** The initiator's and responder's names from the preamble, or null if the peer closed at once (a probe). */
	String[] readPreamble() throws IOException, FrameException {
		byte[] magic = in.readNBytes(4);
		if (magic.length == 0) {
			return null;
		}
		if (magic.length < 4 || !java.util.Arrays.equals(magic, MAGIC)) {
			throw new FrameException(Reason.MALFORMED, "not a Herald peer preamble");
		}
		return new String[] { name(), name() };
	}

	private String name() throws IOException, FrameException {
		int length = in.read();
		if (length < 1 || length > 15) {
			throw new FrameException(Reason.MALFORMED, "a NetBIOS name of " + length + " bytes in the preamble");
		}
		byte[] b = in.readNBytes(length);
		if (b.length < length) {
			throw new FrameException(Reason.TRUNCATED, "the preamble ends inside a name");
		}
		for (byte c : b) {
			if (c < 0x21 || c > 0x7E) {
				throw new FrameException(Reason.MALFORMED, "a name in the preamble is not printable ASCII");
			}
		}
		return new String(b, StandardCharsets.US_ASCII);
	}

	void write(byte[] frame) throws IOException {
		out.write(frame);
		out.flush();
	}

	/** The next frame's bytes; a clean end of stream is an IOException here (the peer left mid-conversation). */
	byte[] read() throws IOException, FrameException {
		Frame f = readOrNull();
		if (f == null) {
			throw new java.io.EOFException("the peer closed the connection");
		}
		return FrameCodec.encode(f);
	}

	/** The next frame, or null at a clean end of stream between frames. */
	Frame readOrNull() throws IOException, FrameException {
		return FrameCodec.read(in);
	}

	@Override
	public void close() throws IOException {
		socket.close();
	}
}
