/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.internal;

import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.herald.api.Acceptance;
import org.herald.api.MessagePath;

import org.herald.netbios.wire.MalformedPacketException;
import org.herald.smb.wire.NegotiateRequest;
import org.herald.smb.wire.NegotiateResponse;
import org.herald.smb.wire.SmbCommand;
import org.herald.smb.wire.SmbError;
import org.herald.smb.wire.SmbHeader;
import org.herald.smb.wire.SmbPacket;
import org.herald.smb.wire.SmbReplies;
import org.herald.smb.wire.EndMultiBlock;
import org.herald.smb.wire.SendMessage;
import org.herald.smb.wire.StartMultiBlock;
import org.herald.smb.wire.TextBlock;

/**
 * The SMB side of one Messenger session: answers SMB_COM_NEGOTIATE (NT LM 0.12),
 * SMB_COM_SEND_MESSAGE (with or without a negotiate before it, like Windows; smbd wants one) and
 * the multi-block messages, and answers every other command with STATUS_NOT_IMPLEMENTED keeping
 * the session open (as smbd answers commands it does not know). A message is answered with
 * success only after the sink stored it, otherwise with STATUS_REQUEST_NOT_ACCEPTED.
 *
 * <p>Not thread-safe: one per connection, used by that connection's thread.
 */
final class SmbMessengerSession {

	/** Most multi-block messages one session may have open at once. */
	static final int MAX_OPEN_GROUPS = 4;
	/** Most text bytes kept per message; smbclient sends at most 1598, MS-MSRP allows 652. */
	static final int MAX_TEXT = 8192;

	private final MessageAcceptance acceptance;
	private final ReceiverCounters counters;
	private final MessageAcceptance.Origin peer;
	private final String calledName;
	private final String workgroup;
	private final Clock clock;
	private final Map<Integer, Group> groups = new HashMap<>();
	private int nextGroupId;

	/** A multi-block message being assembled. */
	private static final class Group {
		final byte[] from;
		final byte[] to;
		final ByteArrayOutputStream text = new ByteArrayOutputStream();
		boolean truncated;

		Group(byte[] from, byte[] to) {
			this.from = from;
			this.to = to;
		}

		void append(byte[] block) {
			int room = MAX_TEXT - text.size();
			if (block.length > room) {
				truncated = true;
			}
			text.write(block, 0, Math.min(room, block.length));
		}
	}

	/**
	 * @param peer       the caller: its address and, on TCP 139, its calling name
	 * @param calledName the name the session request called (without suffix), or "" on TCP 445; used
	 *                   as the recipient if the message names none
	 */
	SmbMessengerSession(MessageAcceptance acceptance, ReceiverCounters counters, MessageAcceptance.Origin peer, String calledName, String workgroup,
			Clock clock) {
		this.acceptance = acceptance;
		this.counters = counters;
		this.peer = peer;
		this.calledName = calledName;
		this.workgroup = workgroup;
		this.clock = clock;
	}

	/**
	 * Handles one SMB request.
	 *
	 * @return the reply's bytes, or null if the connection should be closed (not SMB1 at all)
	 */
	byte[] handle(byte[] request) {
		SmbHeader header;
		try {
			header = SmbHeader.parse(request, 0, request.length);
		} catch (MalformedPacketException e) {
			counters.malformed.increment();
			return null;
		}
		if (header.isReply()) {
			counters.malformed.increment();
			return SmbReplies.error(header, SmbError.INVALID_SMB).encode();
		}
		try {
			SmbPacket packet = SmbPacket.parse(request);
			return dispatch(packet).encode();
		} catch (MalformedPacketException e) {
			counters.malformed.increment();
			return SmbReplies.error(header, SmbError.INVALID_SMB).encode();
		}
	}

	private SmbPacket dispatch(SmbPacket p) throws MalformedPacketException {
		SmbHeader h = p.header();
		switch (p.command()) {
		case SmbCommand.NEGOTIATE -> {
			NegotiateRequest n = NegotiateRequest.parse(p);
			int index = n.indexOfNtLm012();
			if (index < 0) {
				return NegotiateResponse.noDialect(h);
			}
			// No session setup follows on a Messenger session: the challenge is never used to
			// authenticate anything, so it need not be cryptographically random.
			byte[] challenge = new byte[8];
			java.util.concurrent.ThreadLocalRandom.current().nextBytes(challenge);
			return NegotiateResponse.ntLm012(h, index, challenge, clock.instant(), workgroup);
		}
		case SmbCommand.SEND_MESSAGE -> {
			SendMessage m = SendMessage.parse(p);
			return answer(h, acceptance.accept(m.originator(), m.destination(), m.text(), false, peer, calledName, true, MessagePath.SESSION));
		}
		case SmbCommand.SEND_START_MB_MESSAGE -> {
			StartMultiBlock s = StartMultiBlock.parse(p);
			if (groups.size() >= MAX_OPEN_GROUPS) {
				return SmbReplies.error(h, SmbError.INSUFFICIENT_RESOURCES);
			}
			int id = nextGroupId;
			while (groups.containsKey(id)) {
				id = (id + 1) & 0xFFFF;
			}
			nextGroupId = (id + 1) & 0xFFFF;
			groups.put(id, new Group(s.originator(), s.destination()));
			// The core protocol's reply carries the group id; smbd sends WordCount 0 (clients then use 0).
			return SmbReplies.success(h, id);
		}
		case SmbCommand.SEND_TEXT_MB_MESSAGE -> {
			TextBlock t = TextBlock.parse(p);
			Group g = groups.get(t.groupId());
			if (g == null) {
				return SmbReplies.error(h, SmbError.INVALID_PARAMETER);
			}
			g.append(t.text());
			return SmbReplies.success(h);
		}
		case SmbCommand.SEND_END_MB_MESSAGE -> {
			EndMultiBlock e = EndMultiBlock.parse(p);
			Group g = groups.remove(e.groupId());
			if (g == null) {
				return SmbReplies.error(h, SmbError.INVALID_PARAMETER);
			}
			return answer(h, acceptance.accept(g.from, g.to, g.text.toByteArray(), g.truncated, peer, calledName, true, MessagePath.SESSION));
		}
		default -> {
			counters.rejectedCommands.increment();
			return SmbReplies.error(h, SmbError.NOT_IMPLEMENTED);
		}
		}
	}

	/**
	 * Success only for a stored message: a message the spam policy turned away is refused with an error
	 * naming the reason, which the sender sees (smbclient prints it, Herald's sender reports it).
	 */
	private static SmbPacket answer(SmbHeader h, Optional<Acceptance> outcome) {
		if (outcome.isEmpty()) {
			return SmbReplies.error(h, SmbError.REQUEST_NOT_ACCEPTED);
		}
		return switch (outcome.get()) {
		case Acceptance.Stored s -> SmbReplies.success(h);
		case Acceptance.Refused r -> SmbReplies.error(h, SmbError.refusal(r.reason()));
		};
	}
}
