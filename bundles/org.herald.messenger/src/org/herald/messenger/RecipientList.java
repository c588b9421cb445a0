/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger;

import java.util.List;

/**
 * A named list of recipients kept in the workspace ({@link RecipientLists}), addressed as
 * {@code @NAME}.
 *
 * @param name    the list's name, upper-case, without the {@code @}
 * @param members each as the user gave it: anything {@code herald send} takes as a target
 *                (a name, an address, a range, a subnet, {@code /DOMAIN:WG}) or another {@code @LIST}
 */
public record RecipientList(String name, List<String> members) {

	public RecipientList {
		members = List.copyOf(members);
	}

	/** {@code @NAME}, as it is written in a recipient field. */
	public String label() {
		return RecipientLists.PREFIX + name;
	}
}
