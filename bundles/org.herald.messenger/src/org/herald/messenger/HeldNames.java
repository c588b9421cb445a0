/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger;

import org.herald.api.NetbiosName;

/**
 * The names this host holds (registered or defended by the name service). The session receiver
 * accepts a session request only for a held NAME&lt;03&gt;.
 */
@FunctionalInterface
@org.osgi.annotation.versioning.ProviderType
public interface HeldNames {

	boolean holds(NetbiosName name);
}
