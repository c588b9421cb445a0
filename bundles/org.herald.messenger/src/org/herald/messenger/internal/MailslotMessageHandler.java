/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.internal;

import java.net.InetAddress;
import java.util.Optional;

import org.herald.api.Acceptance;
import org.herald.api.MessagePath;
import org.herald.api.NetbiosName;
import org.herald.messenger.HeldNames;

import org.herald.messenger.wire.WinPopupBody;
import org.herald.netbios.wire.Datagram;
import org.herald.netbios.wire.DatagramPacket;
import org.herald.netbios.wire.MalformedPacketException;
import org.herald.smb.wire.MailslotWrite;

/**
 * Decides what one whole UDP 138 datagram (as the datagram service delivers it: parsed, and
 * reassembled if it came in fragments) is and stores it if it is a pop-up for this host: a direct
 * unique datagram to a held NAME&lt;03&gt;, or a direct group or broadcast datagram to the
 * workgroup (WG&lt;03&gt; as NET SEND /DOMAIN sends it, or WG&lt;00&gt;), carrying a mailslot write
 * to \MAILSLOT\MESSNGR whose data is a WinPopup body. Thread-safe: receivers call it from many threads.
 */
final class MailslotMessageHandler {

	/** What became of a datagram. */
	enum Outcome {
		/** Stored; refused by the spam policy (counted, the sender cannot be told); the sink failed. */
		STORED, REFUSED, SINK_FAILED, MALFORMED, IGNORED
	}

	private final HeldNames held;
	private final String workgroup;
	private final MessageAcceptance acceptance;
	private final ReceiverCounters counters;

	MailslotMessageHandler(HeldNames held, String workgroup, MessageAcceptance acceptance, ReceiverCounters counters) {
		this.held = held;
		this.workgroup = workgroup;
		this.acceptance = acceptance;
		this.counters = counters;
	}

	Outcome handle(Datagram datagram, InetAddress from) {
		Outcome o = classify(datagram, from);
		switch (o) {
		case MALFORMED -> counters.malformed.increment();
		case IGNORED -> counters.ignoredDatagrams.increment();
		default -> {
			// counted by MessageAcceptance
		}
		}
		return o;
	}

	private Outcome classify(Datagram d, InetAddress from) {
		MailslotWrite write;
		WinPopupBody body;
		try {
			if (!d.isWhole() || !d.destination().scope().isEmpty() || !isForUs(d)) {
				return Outcome.IGNORED; // the datagram service delivers fragments only once reassembled
			}
			write = MailslotWrite.parse(d.userData());
			if (!write.isForMessenger()) {
				return Outcome.IGNORED;
			}
			body = WinPopupBody.parse(write.data());
		} catch (MalformedPacketException e) {
			return Outcome.MALFORMED;
		}
		String source = d.source().name().name();
		byte[] sender = body.from().length > 0 ? body.from() : source.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
		// A write to our workgroup's group name (NET SEND /DOMAIN) tells the sender's workgroup.
		String group = d.type() == DatagramPacket.DIRECT_UNIQUE ? null : workgroup;
		Optional<Acceptance> outcome = acceptance.accept(sender, body.to(), body.text(), !body.terminated(), new MessageAcceptance.Origin(from, source, group),
				d.destination().name().name(), group == null, MessagePath.MAILSLOT);
		// A mailslot datagram has no answer: a refused message is only counted (MessageAcceptance).
		return outcome.map(a -> a instanceof Acceptance.Stored ? Outcome.STORED : Outcome.REFUSED).orElse(Outcome.SINK_FAILED);
	}

	private boolean isForUs(Datagram d) {
		NetbiosName dest = d.destination().name();
		if (d.type() == DatagramPacket.DIRECT_UNIQUE) {
			return dest.suffix() == NetbiosName.MESSENGER && held.holds(dest);
		}
		return dest.name().equals(workgroup) && (dest.suffix() == NetbiosName.MESSENGER || dest.suffix() == NetbiosName.WORKSTATION);
	}
}
