/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.netbios.wire;

/** Builds complete NetBIOS session service packets (RFC 1002 section 4.3), header included. */
public final class SessionPackets {

	/** RFC 1002 4.3.4: error codes of a negative session response. */
	public static final int NOT_LISTENING_ON_CALLED_NAME = 0x80;
	public static final int NOT_LISTENING_FOR_CALLING_NAME = 0x81;
	public static final int CALLED_NAME_NOT_PRESENT = 0x82;
	public static final int INSUFFICIENT_RESOURCES = 0x83;
	public static final int UNSPECIFIED_ERROR = 0x8F;

	private SessionPackets() {
	}

	/** A session message carrying {@code payload} (RFC 1002 4.3.6), for TCP 139. */
	public static byte[] message(byte[] payload) {
		return frame(new SessionHeader(SessionHeader.SESSION_MESSAGE, payload.length).encodeNetbios(), payload);
	}

	/** A direct-hosting frame carrying {@code payload}, for TCP 445. */
	public static byte[] directMessage(byte[] payload) {
		return frame(new SessionHeader(SessionHeader.SESSION_MESSAGE, payload.length).encodeDirect(), payload);
	}

	/** RFC 1002 4.3.3: positive session response, no trailer. */
	public static byte[] positiveResponse() {
		return new SessionHeader(SessionHeader.POSITIVE_SESSION_RESPONSE, 0).encodeNetbios();
	}

	/** RFC 1002 4.3.4: negative session response with a one-byte error code. */
	public static byte[] negativeResponse(int errorCode) {
		return frame(new SessionHeader(SessionHeader.NEGATIVE_SESSION_RESPONSE, 1).encodeNetbios(), new byte[] { (byte) errorCode });
	}

	/** RFC 1002 4.3.7: session keep-alive. */
	public static byte[] keepAlive() {
		return new SessionHeader(SessionHeader.SESSION_KEEP_ALIVE, 0).encodeNetbios();
	}

	/** What a negative response's error code means, in RFC 1002's words. */
	public static String describeNegativeResponse(int errorCode) {
		return switch (errorCode) {
		case NOT_LISTENING_ON_CALLED_NAME -> "not listening on called name";
		case NOT_LISTENING_FOR_CALLING_NAME -> "not listening for calling name";
		case CALLED_NAME_NOT_PRESENT -> "called name not present";
		case INSUFFICIENT_RESOURCES -> "called name present, but insufficient resources";
		case UNSPECIFIED_ERROR -> "unspecified error";
		default -> String.format("unknown error 0x%02X", errorCode);
		};
	}

	private static byte[] frame(byte[] header, byte[] payload) {
		byte[] packet = new byte[header.length + payload.length];
		System.arraycopy(header, 0, packet, 0, header.length);
		System.arraycopy(payload, 0, packet, header.length, payload.length);
		return packet;
	}
}
