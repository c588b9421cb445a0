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
import org.herald.netbios.datagram.DatagramService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The {@link HostBrowsers} service: each browser gets its own model, runs on the system clock and
 * listens through the process's datagram service, which the Messenger's receiver shares.
 */
@Component(immediate = true, service = HostBrowsers.class)
public final class BrowserFactory implements HostBrowsers {

	private final DatagramService datagrams;

	@Activate
	public BrowserFactory(@Reference DatagramService datagrams) {
		this.datagrams = datagrams;
	}

	@Override
	public HostBrowser open(Identity identity, BrowserSettings settings) {
		return new BrowserService(datagrams, identity, settings, new BrowseModel(), Clock.systemUTC());
	}
}
