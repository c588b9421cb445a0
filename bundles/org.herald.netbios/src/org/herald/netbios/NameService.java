/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.netbios;

import java.io.IOException;
import java.net.Inet4Address;
import java.util.List;
import java.util.Optional;

import org.herald.api.Identity;
import org.herald.api.NetbiosName;

/**
 * The client side of the NetBIOS name service (RFC 1001 section 15.1.1, RFC 1002 section 4.2):
 * name queries and node status. Thread safe; the calls block for at most the configured retries.
 */
@org.osgi.annotation.versioning.ProviderType
public interface NameService {

	/**
	 * Asks for {@code name}. A broadcast query collects the answers of every owner (group names have
	 * many) until the retry window in which the first answer came ends; a unicast or WINS query
	 * returns with the first answer.
	 *
	 * @return the addresses found; empty if nobody answered or the answer was negative
	 */
	List<NameRecord> query(NetbiosName name, QueryTarget target) throws IOException;

	/** Asks {@code host} for its name table; empty if it did not answer. */
	Optional<NodeStatus> nodeStatus(Inet4Address host) throws IOException;

	/**
	 * This service speaking as {@code identity} (its interfaces and WINS server) rather than as the
	 * saved settings: what a CLI command with identity options, or a sender for one identity, uses.
	 */
	NameService as(Identity identity);
}
