/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.api;

import java.io.IOException;
import java.util.List;

/**
 * The members of a workgroup anywhere on a routed site, as its master browsers list them (found
 * through the WINS server), for bundles that send to a workgroup and should not depend on the
 * browser: {@code herald send --domain=WG} reaches a workgroup on another subnet through it. The
 * browser offers it as a service.
 */
@org.osgi.annotation.versioning.ProviderType
public interface WorkgroupDirectory {

	/**
	 * The computer names the master browsers of {@code workgroup} list, asked through
	 * {@code identity}'s WINS server.
	 *
	 * @throws IOException if the identity has no WINS server, or no master browser of the workgroup answered
	 */
	List<String> members(Identity identity, String workgroup) throws IOException;
}
