/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger;

import java.util.List;

import org.herald.api.Identity;
import org.herald.netbios.NameTableEntry;

/**
 * Herald present on the network as one identity: its names registered, answered and defended, and
 * its pop-up messages received (TCP 139 and 445, UDP 138) on the identity's interfaces only. One
 * process at a time can be present on an interface; {@link Messenger#join} says so when another one
 * is. Closing releases the names and answers what is in progress.
 */
@org.osgi.annotation.versioning.ProviderType
public interface Presence extends AutoCloseable {

	Identity identity();

	/** The name table as it stands: Herald's names with their state (registering, active, conflict). */
	List<NameTableEntry> names();

	ReceiverStats stats();

	@Override
	void close();
}
