/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.api.setup;

import java.io.IOException;
import java.util.List;

import org.herald.api.BindInterface;

/**
 * What a new installation should join, as the network and this machine say: the workgroups of the
 * local master browsers that answer on the chosen interfaces' subnets, the workgroup and WINS server
 * of this machine's Samba configuration and of its DHCP leases, and whether each WINS server answers.
 * The name service offers it.
 */
@org.osgi.annotation.versioning.ProviderType
public interface NetworkSurvey {

	/**
	 * Surveys the subnets of {@code interfaces}: a broadcast name query for
	 * {@code \x01\x02__MSBROWSE__\x02<01>} on each, then node status of each master browser that
	 * answered; then reads this machine's configuration and asks each WINS server found there that is
	 * reached through one of {@code interfaces}. Sends only from these interfaces, from ephemeral
	 * ports, and binds nothing that outlives the call. With no interfaces it only reads the
	 * configuration and sends nothing.
	 *
	 * @throws IOException if a socket on one of the interfaces cannot be opened
	 */
	Survey survey(List<BindInterface> interfaces) throws IOException;
}
