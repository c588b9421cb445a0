/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

import org.herald.api.Identity;

/**
 * "Why didn't it arrive?": walks the path a pop-up to a target takes and says where it breaks, with
 * the fix. Name resolution (WINS, broadcast, which answered), the &lt;03&gt; name, node status, TCP
 * 139/445 and UDP 138 (refused or filtered), the session request's answer, the SMB answer to a
 * message start, whether the target is a Herald peer, and our own interfaces. It delivers nothing:
 * the message probe starts a message and abandons it before any text. A DS service, shared by
 * {@code herald diagnose} and the workbench.
 */
@org.osgi.annotation.versioning.ProviderType
public interface DeliveryDiagnosis {

	/**
	 * @param identity who we are (interfaces, WINS server, name)
	 * @param target   a NetBIOS name (NAME, NAME#03) or an IPv4 address
	 * @param timeout  the longest wait of each step
	 * @throws IllegalArgumentException if the target is neither a name nor an address, or no interface is configured
	 * @throws java.io.InterruptedIOException if the calling thread was interrupted: the diagnosis stops between steps
	 *                                        (a blocking probe ends by its timeout, or at once on a virtual thread)
	 */
	Diagnosis diagnose(Identity identity, String target, Duration timeout) throws IOException;

	/**
	 * What to diagnose for one line of a delivery report: the name as it was addressed (its
	 * resolution is part of the path), else the address it went to (one host of a range). Empty for
	 * a workgroup message, which goes to a group name and has no one host to follow.
	 */
	static Optional<String> targetOf(Delivery delivery) {
		if (delivery.recipient().endsWith(" (workgroup)")) { // Recipient.Workgroup's label
			return Optional.empty();
		}
		Recipient r;
		try {
			r = Recipient.parse(delivery.recipient());
		} catch (IllegalArgumentException e) {
			r = null;
		}
		if (r instanceof Recipient.Name n) {
			return Optional.of(n.name().name() + (n.name().suffix() == org.herald.api.NetbiosName.MESSENGER ? ""
					: String.format("#%02X", n.name().suffix())));
		}
		if (r instanceof Recipient.Address a) {
			return Optional.of(a.address().getHostAddress());
		}
		return delivery.address().map(java.net.Inet4Address::getHostAddress);
	}
}
