/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.ui;

import java.util.List;

/**
 * Names the composer offers as the user types a recipient: hosts, users, workgroups, aliases.
 * Offered as OSGi services, e.g. by the network browser.
 */
@org.osgi.annotation.versioning.ProviderType
public interface RecipientSuggestions {

	/** The names to offer now; cheap to call. Workgroups as {@code /DOMAIN:WG}, recipient lists as {@code @NAME}. */
	List<String> suggestions();
}
