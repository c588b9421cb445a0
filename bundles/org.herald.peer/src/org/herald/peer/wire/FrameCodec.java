/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.peer.wire;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;

import org.herald.peer.wire.FrameException.Reason;

/** Encodes and decodes {@link Frame}s. Lengths are checked against {@link #MAX_BODY} before anything is allocated. */
public final class FrameCodec {

	public static final int HEADER_LENGTH = 13;
	/** A Noise message is at most 65535 bytes (spec section 3), and a body is one Noise message. */
	public static final int MAX_BODY = 65535;

	private FrameCodec() {
	}

	public static byte[] encode(Frame frame) {
		byte[] body = frame.body();
		return ByteBuffer.allocate(HEADER_LENGTH + body.length).put(frame.header()).put(body).array();
	}

	/** The 13 header bytes of a frame with these fields. */
	public static byte[] header(int type, int length, long counter) {
		return ByteBuffer.allocate(HEADER_LENGTH).put((byte) type).putInt(length).putLong(counter).array();
	}

	/** Decodes exactly one frame: a byte more or less than its header announces is an error. */
	public static Frame decode(byte[] bytes) throws FrameException {
		if (bytes.length < HEADER_LENGTH) {
			throw new FrameException(Reason.TRUNCATED, "frame of " + bytes.length + " bytes is shorter than its 13-byte header");
		}
		ByteBuffer in = ByteBuffer.wrap(bytes);
		int type = checkType(in.get() & 0xFF);
		int length = checkLength(in.getInt());
		long counter = in.getLong();
		if (bytes.length - HEADER_LENGTH < length) {
			throw new FrameException(Reason.TRUNCATED, "frame announces " + length + " body bytes but carries " + (bytes.length - HEADER_LENGTH));
		}
		if (bytes.length - HEADER_LENGTH > length) {
			throw new FrameException(Reason.MALFORMED, (bytes.length - HEADER_LENGTH - length) + " bytes after the frame's body");
		}
		return new Frame(type, counter, Arrays.copyOfRange(bytes, HEADER_LENGTH, bytes.length));
	}

	/**
	 * Reads the next frame from a stream, or returns null at a clean end of stream (before a
	 * frame's first byte). The body is allocated only after its length passed the limit.
	 */
	public static Frame read(InputStream in) throws IOException, FrameException {
		byte[] header = new byte[HEADER_LENGTH];
		int got = in.readNBytes(header, 0, HEADER_LENGTH);
		if (got == 0) {
			return null;
		}
		if (got < HEADER_LENGTH) {
			throw new FrameException(Reason.TRUNCATED, "stream ended inside a frame header (" + got + " of 13 bytes)");
		}
		ByteBuffer buffer = ByteBuffer.wrap(header);
		int type = checkType(buffer.get() & 0xFF);
		int length = checkLength(buffer.getInt());
		long counter = buffer.getLong();
		byte[] body = in.readNBytes(length);
		if (body.length < length) {
			throw new FrameException(Reason.TRUNCATED, "stream ended inside a frame body (" + body.length + " of " + length + " bytes)");
		}
		return new Frame(type, counter, body);
	}

	private static int checkType(int type) throws FrameException {
		if (type != Frame.HANDSHAKE && type != Frame.TRANSPORT) {
			throw new FrameException(Reason.MALFORMED, "unknown frame type " + type);
		}
		return type;
	}

	private static int checkLength(int length) throws FrameException {
		// The u32 is read as a signed int: anything at or above 2^31 is negative, and too long as well.
		if (length < 0 || length > MAX_BODY) {
			throw new FrameException(Reason.OVERSIZED, "frame body of " + Integer.toUnsignedString(length) + " bytes exceeds the limit of " + MAX_BODY);
		}
		return length;
	}
}
