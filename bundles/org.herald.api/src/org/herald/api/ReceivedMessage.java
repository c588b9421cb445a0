/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.api;

import java.net.InetAddress;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * A pop-up message as it arrived, before it is stored.
 *
 * @param senderName    the originator name the sender gave (free text, not always a NetBIOS name)
 * @param senderAddress the IP address the message came from
 * @param recipientName the name it was addressed to (a Herald &lt;03&gt; name, or a workgroup)
 * @param path          the wire path
 * @param received      when it arrived
 * @param text          the decoded text, line ends normalised to \n
 * @param flags         marks such as {@link MessageFlag#REPAIRED}
 */
public record ReceivedMessage(String senderName, InetAddress senderAddress, String recipientName, MessagePath path,
		Instant received, String text, Set<MessageFlag> flags) {

	public ReceivedMessage {
		flags = flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
	}
}
