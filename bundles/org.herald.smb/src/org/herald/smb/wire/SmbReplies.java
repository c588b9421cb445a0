/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.smb.wire;

/** Replies a server sends: empty success answers, answers with parameter words, and error answers. */
public final class SmbReplies {

	private static final byte[] NONE = new byte[0];

	private SmbReplies() {
	}

	/** Success with WordCount 0 and ByteCount 0, as smbd answers every message command. */
	public static SmbPacket success(SmbHeader request) {
		return new SmbPacket(request.reply(0), NONE, NONE);
	}

	/** Success with the given parameter words and no data. */
	public static SmbPacket success(SmbHeader request, int... words) {
		return new SmbPacket(request.reply(0), SmbPacket.wordsOf(words), NONE);
	}

	/** An error answer (WordCount 0, ByteCount 0) in the status form the request asked for. */
	public static SmbPacket error(SmbHeader request, SmbError error) {
		return new SmbPacket(request.reply(error.status(request.ntStatus())), NONE, NONE);
	}
}
