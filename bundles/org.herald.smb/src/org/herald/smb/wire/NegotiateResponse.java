/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.smb.wire;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.herald.netbios.wire.MalformedPacketException;

/**
 * SMB_COM_NEGOTIATE response. The server side only needs enough for a client to go on to the
 * message commands, which need no session setup: the NT LM 0.12 form (MS-CIFS 2.2.4.52.2,
 * WordCount 17) without extended security, or the "no dialect" form (WordCount 1, index 0xFFFF).
 *
 * @param dialectIndex the chosen dialect's index in the request, 0xFFFF for none
 */
public record NegotiateResponse(int dialectIndex) {

	public static final int NO_DIALECT = 0xFFFF;

	/** MS-CIFS 2.2.4.52.2 SecurityMode: user-level security, challenge/response passwords. */
	static final int SECURITY_MODE = 0x03;
	static final int MAX_MPX_COUNT = 50;
	static final int MAX_NUMBER_VCS = 1;
	static final int MAX_BUFFER_SIZE = 16644;
	static final int MAX_RAW_SIZE = 65536;
	/** CAP_NT_SMBS (0x10) and CAP_STATUS32 (0x40): NT status codes, no Unicode, no extended security. */
	static final int CAPABILITIES = 0x10 | 0x40;

	/** Seconds from 1601-01-01 (FILETIME epoch) to 1970-01-01. */
	private static final long FILETIME_EPOCH_OFFSET_SECONDS = 11644473600L;

	/** Builds the NT LM 0.12 answer to {@code request}, choosing dialect {@code dialectIndex}. */
	public static SmbPacket ntLm012(SmbHeader request, int dialectIndex, byte[] challenge, Instant now, String domain) {
		if (challenge.length != 8) {
			throw new IllegalArgumentException("the challenge has 8 bytes");
		}
		byte[] w = new byte[34];
		Le.put16(w, 0, dialectIndex);
		w[2] = SECURITY_MODE;
		Le.put16(w, 3, MAX_MPX_COUNT);
		Le.put16(w, 5, MAX_NUMBER_VCS);
		Le.put32(w, 7, MAX_BUFFER_SIZE);
		Le.put32(w, 11, MAX_RAW_SIZE);
		Le.put32(w, 15, 0); // SessionKey
		Le.put32(w, 19, CAPABILITIES);
		Le.put64(w, 23, fileTime(now));
		Le.put16(w, 31, 0); // ServerTimeZone: minutes from UTC; Herald reports UTC
		w[33] = (byte) challenge.length;
		ByteArrayOutputStream data = new ByteArrayOutputStream();
		data.writeBytes(challenge);
		data.writeBytes(domain.getBytes(StandardCharsets.US_ASCII));
		data.write(0);
		return new SmbPacket(request.reply(0), w, data.toByteArray());
	}

	/** The answer when the client offered no dialect Herald speaks (MS-CIFS 3.3.5.2). */
	public static SmbPacket noDialect(SmbHeader request) {
		return SmbReplies.success(request, NO_DIALECT);
	}

	/** Reads the dialect index of a negotiate reply (the client side needs nothing else). */
	public static NegotiateResponse parse(SmbPacket packet) throws MalformedPacketException {
		if (packet.command() != SmbCommand.NEGOTIATE || !packet.header().isReply()) {
			throw new MalformedPacketException("not a negotiate reply");
		}
		if (packet.wordCount() < 1) {
			throw new MalformedPacketException("negotiate reply without a dialect index");
		}
		return new NegotiateResponse(packet.word(0));
	}

	static long fileTime(Instant t) {
		return (t.getEpochSecond() + FILETIME_EPOCH_OFFSET_SECONDS) * 10_000_000L + t.getNano() / 100;
	}
}
