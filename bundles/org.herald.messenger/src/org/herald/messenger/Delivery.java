/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger;

import java.net.Inet4Address;
import java.util.Optional;

import org.herald.api.MessagePath;

/**
 * What became of a message for one recipient (one address of a range, one subnet of a workgroup).
 *
 * @param recipient what was addressed, as the user wrote it
 * @param address   the address it went to, if one was known
 * @param path      the wire path used, if any was tried
 * @param reason    why it failed; present exactly when the status is {@link Status#FAILED}
 * @param detail    a human-readable detail (SMB status, which fallback was taken), may be empty
 * @param channel   plain NetBIOS, plain because the host is a legacy peer, or Herald's encrypted peer channel
 */
public record Delivery(String recipient, Optional<Inet4Address> address, Optional<MessagePath> path, Status status,
		Optional<FailureReason> reason, String detail, Channel channel) {

	/** Which channel carried (or was to carry) the message. */
	public enum Channel {
		/** Plain NET SEND / WinPopup; the peer channel was not tried (policy never, a workgroup or range, a path chosen). */
		PLAIN,
		/** Plain, because the host's peer port did not answer: Windows, Samba or an older Herald. */
		LEGACY,
		/** Herald's encrypted peer channel (TCP 1139), whether or not it succeeded. */
		PEER
	}

	public enum Status {
		/** The recipient answered the message with success (session path). */
		DELIVERED,
		/** Sent as a datagram; the mailslot path has no acknowledgement. */
		SENT_UNCONFIRMED,
		FAILED
	}

	public enum FailureReason {
		/** The name did not resolve. */
		NAME_NOT_FOUND,
		/** Negative session response 0x80: not listening on the called name. */
		NOT_LISTENING,
		/** Negative session response 0x82: called name not present. */
		CALLED_NAME_NOT_PRESENT,
		/** The connection was refused (nothing listens on 139 or 445) or another negative session response. */
		REFUSED,
		/** No answer in time. */
		TIMEOUT,
		/** The recipient answered with an SMB error status (e.g. smbd without a message command: DOS 1/0x47). */
		ERROR_STATUS,
		/** The recipient's spam defence refused it: this sender is over its flood limit. Not stored. */
		FLOOD_LIMIT,
		/** The recipient's spam defence refused it: this sender is on its block list. Not stored. */
		BLOCKED,
		/** The text does not fit the path's limit; nothing was sent. */
		TOO_LONG,
		/** Any other network failure (reset, unreachable, garbled answer). */
		NETWORK_ERROR,
		/** A Herald peer presented another key than the one pinned for its name: nothing was sent. */
		KEY_CHANGED,
		/** Encryption is required, but the host is no Herald peer (or has no name to authenticate it by): nothing was sent. */
		NOT_A_PEER
	}

	/** A plain delivery (the channel before encryption existed). */
	public Delivery(String recipient, Optional<Inet4Address> address, Optional<MessagePath> path, Status status, Optional<FailureReason> reason,
			String detail) {
		this(recipient, address, path, status, reason, detail, Channel.PLAIN);
	}

	public Delivery {
		if ((status == Status.FAILED) != reason.isPresent()) {
			throw new IllegalArgumentException("a reason is given exactly for failed deliveries");
		}
		detail = detail == null ? "" : detail;
		channel = channel == null ? Channel.PLAIN : channel;
	}

	/** A message the peer channel carried encrypted and the peer answered as stored. */
	public static Delivery encrypted(String recipient, Inet4Address address, String detail) {
		return new Delivery(recipient, Optional.of(address), Optional.empty(), Status.DELIVERED, Optional.empty(), detail, Channel.PEER);
	}

	/** A failure on (or before) the peer channel, such as {@link FailureReason#KEY_CHANGED}. */
	public static Delivery peerFailed(String recipient, Optional<Inet4Address> address, FailureReason reason, String detail) {
		return new Delivery(recipient, address, Optional.empty(), Status.FAILED, Optional.of(reason), detail, Channel.PEER);
	}

	/** This delivery on another channel (e.g. a plain one marked {@link Channel#LEGACY}). */
	public Delivery withChannel(Channel other) {
		return new Delivery(recipient, address, path, status, reason, detail, other);
	}

	/** Whether the text went over the wire encrypted (the peer channel took it, whatever the peer answered). */
	public boolean encrypted() {
		return channel == Channel.PEER && reason.map(r -> r != FailureReason.KEY_CHANGED && r != FailureReason.NOT_A_PEER).orElse(true);
	}

	public static Delivery delivered(String recipient, Inet4Address address, String detail) {
		return new Delivery(recipient, Optional.of(address), Optional.of(MessagePath.SESSION), Status.DELIVERED, Optional.empty(), detail);
	}

	public static Delivery sentUnconfirmed(String recipient, Inet4Address address, String detail) {
		return new Delivery(recipient, Optional.of(address), Optional.of(MessagePath.MAILSLOT), Status.SENT_UNCONFIRMED, Optional.empty(),
				detail);
	}

	public static Delivery failed(String recipient, Optional<Inet4Address> address, Optional<MessagePath> path, FailureReason reason,
			String detail) {
		return new Delivery(recipient, address, path, Status.FAILED, Optional.of(reason), detail);
	}

	public boolean failed() {
		return status == Status.FAILED;
	}

	/**
	 * One line for the CLI: {@code recipient address path status [reason] [encrypted] [(detail)] [plain because legacy peer]},
	 * the path {@code peer} for the peer channel.
	 */
	public String line() {
		StringBuilder b = new StringBuilder();
		b.append(recipient).append(' ');
		b.append(address.map(Inet4Address::getHostAddress).orElse("-")).append(' ');
		b.append(channel == Channel.PEER ? "peer" : path.map(p -> p.name().toLowerCase(java.util.Locale.ROOT)).orElse("-")).append(' ');
		b.append(status.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
		reason.ifPresent(r -> b.append(' ').append(r.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')));
		if (encrypted()) {
			b.append(" encrypted");
		}
		if (!detail.isEmpty()) {
			b.append(" (").append(detail).append(')');
		}
		if (channel == Channel.LEGACY) {
			b.append(" plain because legacy peer");
		}
		return b.toString();
	}
}
