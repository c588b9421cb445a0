/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.browser;

import java.io.IOException;
import java.net.Inet4Address;
import java.util.List;
import java.util.function.Consumer;

/**
 * The host browser of one identity: a live {@link BrowseModel} fed by announcements (UDP 138),
 * master browsers' server lists (NetServerEnum2), node status scans and WINS. It binds and sends
 * only on the identity's configured interfaces. Obtained from {@link HostBrowsers}; started
 * explicitly, closed when done.
 */
@org.osgi.annotation.versioning.ProviderType
public interface HostBrowser extends AutoCloseable {

	BrowseModel model();

	/** Binds the announcement listener (when configured), starts ageing and, when configured, announcing. */
	void start() throws IOException;

	/** Broadcasts an AnnouncementRequest to {@code workgroup}&lt;00&gt; on every interface: its hosts announce within 30 s. */
	void requestAnnouncements(String workgroup) throws IOException;

	/** Asks WG&lt;1D&gt; by broadcast on every interface, then each answer for its name. */
	List<MasterBrowser> findMasters(String workgroup) throws IOException;

	/** Finds the workgroup's master browser and takes its server and workgroup lists into the model. */
	ServerListResult refreshServerLists(String workgroup) throws IOException;

	/** Node-status scans {@code targets} (one socket per interface used) into the model; {@code onHit} sees each answer. */
	ScanSummary scan(List<Inet4Address> targets, ScanOptions options, Consumer<ScanHit> onHit) throws IOException, InterruptedException;

	/**
	 * Asks the WINS server (if one is configured) for what NBNS lets a client ask: WG&lt;1B&gt;
	 * (domain master browser), WG&lt;1C&gt; (domain controllers, up to 25 addresses) and
	 * WG&lt;00&gt;, and the &lt;00&gt; name of each host the model knows. NBNS has no way to list a
	 * WINS database, and WINS answers a normal group such as WG&lt;00&gt; with 255.255.255.255, not
	 * with its members.
	 *
	 * @return the names WINS answered
	 */
	List<String> queryWins(String workgroup) throws IOException;

	/**
	 * Browses a routed site once through the WINS server, where broadcasts stop at the routers: the
	 * domain master browsers (WINS {@code *<1B>} and WG&lt;1B&gt; for each of {@code workgroups}),
	 * their server and workgroup lists (NetServerEnum2), then the lists of the workgroups' masters they
	 * name; every host and workgroup goes into the model with who reported it
	 * ({@link BrowseModel#reporters}). What {@code herald browse --site} does.
	 *
	 * @throws IOException if no WINS server is configured
	 */
	SiteRound browseSite(List<String> workgroups) throws IOException;

	BrowserCounters counters();

	@Override
	void close();
}
