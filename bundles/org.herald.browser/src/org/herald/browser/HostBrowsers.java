/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.browser;

import org.herald.api.Identity;

/** Opens host browsers; a DS service, so that views and commands obtain browsers without knowing the implementation. */
@org.osgi.annotation.versioning.ProviderType
public interface HostBrowsers {

	HostBrowser open(Identity identity, BrowserSettings settings);
}
