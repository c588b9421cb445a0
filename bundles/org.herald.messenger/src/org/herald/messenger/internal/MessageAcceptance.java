/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;

import org.herald.api.MessageFlag;
import org.herald.api.MessagePath;
import org.herald.api.MessageSink;
import org.herald.api.ReceivedMessage;
import org.herald.messenger.wire.DecodedText;
import org.herald.messenger.wire.MessageCharset;

/**
 * Turns the raw bytes of a message that arrived into a {@link ReceivedMessage} and hands it to the
 * sink. Shared by both receivers: the answer to the sender depends on whether {@link #accept}
 * returned true (stored) or false (not stored).
 */
final class MessageAcceptance {

	private final MessageSink sink;
	private final MessageCharset charset;
	private final Clock clock;
	private final ReceiverCounters counters;

	MessageAcceptance(MessageSink sink, MessageCharset charset, Clock clock, ReceiverCounters counters) {
		this.sink = sink;
		this.charset = charset;
		this.clock = clock;
		this.counters = counters;
	}

	/**
	 * Decodes and stores one message.
	 *
	 * @param damaged whether the bytes are known to be incomplete (cut at a limit, missing terminator)
	 * @return true if the sink took it
	 */
	boolean accept(byte[] from, byte[] to, byte[] text, boolean damaged, InetAddress sender, String fallbackRecipient, MessagePath path) {
		DecodedText t = charset.decodeText(text);
		DecodedText f = charset.decodeName(from);
		DecodedText r = charset.decodeName(to);
		Set<MessageFlag> flags = EnumSet.noneOf(MessageFlag.class);
		if (damaged || t.repaired() || f.repaired() || r.repaired()) {
			flags.add(MessageFlag.REPAIRED);
		}
		String recipient = r.text().isBlank() ? fallbackRecipient : r.text();
		ReceivedMessage message = new ReceivedMessage(f.text(), sender, recipient, path, clock.instant(), t.text(), flags);
		try {
			sink.accept(message);
			counters.stored.increment();
			return true;
		} catch (IOException | RuntimeException e) {
			counters.sinkFailures.increment();
			return false;
		}
	}
}
