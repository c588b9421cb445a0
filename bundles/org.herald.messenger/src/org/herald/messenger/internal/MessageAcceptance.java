/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.herald.api.Acceptance;
import org.herald.api.MessageFlag;
import org.herald.api.MessagePath;
import org.herald.api.MessageSink;
import org.herald.api.ReceivedMessage;
import org.herald.messenger.wire.DecodedText;
import org.herald.messenger.wire.MessageCharset;

/**
 * Turns the raw bytes of a message that arrived into a {@link ReceivedMessage} and hands it to the
 * sink. Shared by both receivers: the answer to the sender depends on what {@link #accept} returned:
 * stored (success), refused by the spam policy (an error naming the reason), or nothing because the
 * sink failed (an error). The code page is the sender's ({@link PeerCharsets}):
 * chosen by its calling or source name, its originator name (read in the default code page: names
 * are ASCII in practice), its address and its workgroup.
 */
final class MessageAcceptance {

	/**
	 * Where a message came from, beyond its bytes.
	 *
	 * @param address   the sender's address
	 * @param hostName  the name the transport gave (session request's calling name, datagram source name), or ""
	 * @param workgroup the sender's workgroup if the transport says (a write to our workgroup's group name), or null
	 */
	record Origin(InetAddress address, String hostName, String workgroup) {
		static Origin of(InetAddress address) {
			return new Origin(address, "", null);
		}
	}

	private final MessageSink sink;
	private final PeerCharsets charsets;
	private final Clock clock;
	private final ReceiverCounters counters;

	MessageAcceptance(MessageSink sink, PeerCharsets charsets, Clock clock, ReceiverCounters counters) {
		this.sink = sink;
		this.charsets = charsets;
		this.clock = clock;
		this.counters = counters;
	}

	/**
	 * Decodes and stores one message.
	 *
	 * @param damaged   whether the bytes are known to be incomplete (cut at a limit, missing terminator)
	 * @param addressed the name the transport addressed (a session request's called name, a datagram's
	 *                  destination), or "" when it named none (TCP 445)
	 * @param decides   whether {@code addressed} is the recipient even when the message's own
	 *                  destination field names another (a unique name we hold: the message reached us,
	 *                  an alias or a user, under it); otherwise it is only the fallback for an empty field
	 * @return what the sink did with it, or empty if the sink failed (nothing was stored)
	 */
	Optional<Acceptance> accept(byte[] from, byte[] to, byte[] text, boolean damaged, Origin origin, String addressed, boolean decides,
			MessagePath path) {
		List<String> names = new ArrayList<>(2);
		names.add(origin.hostName());
		names.add(charsets.defaultCharset().decodeName(from).text());
		MessageCharset charset = charsets.forPeer(names, origin.address(), origin.workgroup());
		InetAddress sender = origin.address();
		DecodedText t = charset.decodeText(text);
		DecodedText f = charset.decodeName(from);
		DecodedText r = charset.decodeName(to);
		Set<MessageFlag> flags = EnumSet.noneOf(MessageFlag.class);
		if (damaged || t.repaired() || f.repaired() || r.repaired()) {
			flags.add(MessageFlag.REPAIRED);
		}
		String recipient = r.text().isBlank() ? addressed : r.text();
		if (decides && !addressed.isEmpty() && !recipient.strip().equalsIgnoreCase(addressed)) {
			recipient = addressed;
		}
		ReceivedMessage message = new ReceivedMessage(f.text(), sender, recipient, path, clock.instant(), t.text(), flags);
		try {
			Acceptance a = sink.accept(message);
			(a instanceof Acceptance.Stored ? counters.stored : counters.refusedByPolicy).increment();
			return Optional.of(a);
		} catch (IOException | RuntimeException e) {
			counters.sinkFailures.increment();
			return Optional.empty();
		}
	}
}
