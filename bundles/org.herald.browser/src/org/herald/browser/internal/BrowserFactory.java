/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.browser.internal;

import java.time.Clock;

import org.herald.api.Identity;
import org.herald.browser.BrowseModel;
import org.herald.browser.BrowserSettings;
import org.herald.browser.HostBrowser;
import org.herald.browser.HostBrowsers;
import org.osgi.service.component.annotations.Component;

/** The {@link HostBrowsers} service: each browser gets its own model and runs on the system clock. */
@Component(immediate = true, service = HostBrowsers.class)
public final class BrowserFactory implements HostBrowsers {

	@Override
	public HostBrowser open(Identity identity, BrowserSettings settings) {
		return new BrowserService(identity, settings, new BrowseModel(), Clock.systemUTC());
	}
}
