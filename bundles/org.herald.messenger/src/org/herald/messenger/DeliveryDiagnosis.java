/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger;

import java.io.IOException;
import java.time.Duration;

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
	 * @throws IllegalArgumentException if the target is neither a name nor an address
	 */
	Diagnosis diagnose(Identity identity, String target, Duration timeout) throws IOException;
}
