/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
/**
 * The host browser: {@link org.herald.browser.BrowseModel} (workgroups and hosts with change
 * events), {@link org.herald.browser.HostBrowser} (its sources: announcements on UDP 138, master
 * browsers' server lists, node status scans, WINS), obtained from the
 * {@link org.herald.browser.HostBrowsers} service; scans go through {@link
 * org.herald.browser.HostBrowser#scan} (the scanner itself is internal).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.2.0")
package org.herald.browser;
