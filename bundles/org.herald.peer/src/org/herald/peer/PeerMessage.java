/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.peer;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import org.herald.peer.wire.FrameException;
import org.herald.peer.wire.FrameException.Reason;

/**
 * The plaintext of a transport frame between Herald peers: a message, or the answer to one.
 *
 * <pre>
 * message: 'M' | flags u8 (bit 0 urgent) | from u16+UTF-8 | to u16+UTF-8 | text u16+UTF-8
 * answer:  'A' | status u8 (0 stored, 1 refused, 2 failed) | detail u16+UTF-8
 * </pre>
 * Strings must be valid UTF-8; anything else, or trailing bytes, is MALFORMED.
 */
public final class PeerMessage {

	static final byte MESSAGE = 'M';
	static final byte ANSWER = 'A';
	static final int URGENT = 1;

	/** A message as it travels: the sender's NetBIOS name, the recipient's, the text. */
	public record Message(String from, String to, String text, boolean urgent) {
	}

	/** The answer to one message: STORED only after the receiver's inbox stored it. */
	public record Answer(Status status, String detail) {
		public static Answer stored() {
			return new Answer(Status.STORED, "");
		}

		@Override
		public String toString() {
			return switch (status) {
			case STORED -> "stored";
			case REFUSED -> "refused: " + detail;
			case FAILED -> "failed: " + detail;
			};
		}
	}

	public enum Status {
		STORED, REFUSED, FAILED
	}

	private PeerMessage() {
	}

	public static byte[] encode(Message m) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(MESSAGE);
		out.write(m.urgent() ? URGENT : 0);
		string(out, m.from());
		string(out, m.to());
		string(out, m.text());
		return out.toByteArray();
	}

	public static byte[] encode(Answer a) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(ANSWER);
		out.write(a.status().ordinal());
		string(out, a.detail());
		return out.toByteArray();
	}

	public static Message decodeMessage(byte[] bytes) throws FrameException {
		try {
			ByteBuffer in = ByteBuffer.wrap(bytes);
			if (in.get() != MESSAGE) {
				throw new FrameException(Reason.MALFORMED, "not a message");
			}
			int flags = in.get() & 0xFF;
			if ((flags & ~URGENT) != 0) {
				throw new FrameException(Reason.MALFORMED, "unknown message flags " + flags);
			}
			Message m = new Message(string(in), string(in), string(in), (flags & URGENT) != 0);
			end(in);
			return m;
		} catch (RuntimeException e) {
			throw new FrameException(Reason.MALFORMED, "message ends early");
		}
	}

	public static Answer decodeAnswer(byte[] bytes) throws FrameException {
		try {
			ByteBuffer in = ByteBuffer.wrap(bytes);
			if (in.get() != ANSWER) {
				throw new FrameException(Reason.MALFORMED, "not an answer");
			}
			int status = in.get() & 0xFF;
			if (status >= Status.values().length) {
				throw new FrameException(Reason.MALFORMED, "unknown answer status " + status);
			}
			Answer a = new Answer(Status.values()[status], string(in));
			end(in);
			return a;
		} catch (RuntimeException e) {
			throw new FrameException(Reason.MALFORMED, "answer ends early");
		}
	}

	private static void string(ByteArrayOutputStream out, String s) {
		byte[] b = s.getBytes(StandardCharsets.UTF_8);
		if (b.length > 0xFFFF) {
			throw new IllegalArgumentException("a field carries at most 65535 bytes, not " + b.length);
		}
		out.write(b.length >> 8);
		out.write(b.length);
		out.writeBytes(b);
	}

	private static String string(ByteBuffer in) throws FrameException {
		int length = in.getShort() & 0xFFFF;
		byte[] b = new byte[length];
		in.get(b);
		try {
			return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
		} catch (CharacterCodingException e) {
			throw new FrameException(Reason.MALFORMED, "a field is not UTF-8");
		}
	}

	private static void end(ByteBuffer in) throws FrameException {
		if (in.hasRemaining()) {
			throw new FrameException(Reason.MALFORMED, in.remaining() + " bytes after the fields");
		}
	}
}
