/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.peer.wire;

import java.util.Arrays;
import java.util.HexFormat;

/** One frame: its type, counter and body (see the package documentation for the layout). */
public record Frame(int type, long counter, byte[] body) {

	public static final int HANDSHAKE = 1;
	public static final int TRANSPORT = 2;

	public Frame {
		if (type != HANDSHAKE && type != TRANSPORT) {
			throw new IllegalArgumentException("unknown frame type " + type);
		}
		if (body.length > FrameCodec.MAX_BODY) {
			throw new IllegalArgumentException("frame body longer than " + FrameCodec.MAX_BODY + " bytes: " + body.length);
		}
		body = body.clone();
	}

	@Override
	public byte[] body() {
		return body.clone();
	}

	/** The 13 header bytes, which a transport frame authenticates as associated data. */
	public byte[] header() {
		return FrameCodec.header(type, body.length, counter);
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof Frame f && f.type == type && f.counter == counter && Arrays.equals(f.body, body);
	}

	@Override
	public int hashCode() {
		return 31 * (31 * type + Long.hashCode(counter)) + Arrays.hashCode(body);
	}

	@Override
	public String toString() {
		return "Frame[type=" + type + ", counter=" + Long.toUnsignedString(counter) + ", body=" + HexFormat.of().formatHex(body) + "]";
	}
}
