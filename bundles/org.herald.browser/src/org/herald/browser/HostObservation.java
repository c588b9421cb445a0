/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.browser;

import java.net.Inet4Address;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

import org.herald.browser.wire.Announcement;
import org.herald.browser.wire.ServerInfo1;

/**
 * What one source reported about one host at one moment; empty fields say nothing. The model merges
 * observations into {@link Host}s.
 */
public record HostObservation(String name, Optional<String> workgroup, Optional<Inet4Address> address, Optional<String> user,
		Optional<String> unitId, OptionalInt serverType, Optional<String> comment, Optional<String> osVersion,
		Optional<BrowserRole> role, Optional<Duration> periodicity, BrowseSource source, Instant time) {

	/** A HostAnnouncement or LocalMasterAnnouncement from {@code from}, sent to {@code workgroup}&lt;1D&gt; or &lt;1E&gt;. */
	public static HostObservation announced(Announcement a, String workgroup, Inet4Address from, Instant time) {
		return new HostObservation(a.name(), Optional.of(workgroup), Optional.of(from), Optional.empty(), Optional.empty(),
				OptionalInt.of(a.serverType()), Optional.of(a.comment()), Optional.of(a.versionMajor() + "." + a.versionMinor()),
				Optional.of(BrowserRole.of(a.serverType())), Optional.of(Duration.ofMillis(a.periodicity())), BrowseSource.ANNOUNCEMENT,
				time);
	}

	/** An entry of a master browser's server list for {@code workgroup}. */
	public static HostObservation listed(ServerInfo1 s, String workgroup, Instant time) {
		// Samba lists every server with version 0.0: that says nothing, so it is left out.
		Optional<String> os = s.versionMajor() == 0 && s.versionMinor() == 0 ? Optional.empty()
				: Optional.of(s.versionMajor() + "." + s.versionMinor());
		return new HostObservation(s.name(), Optional.of(workgroup), Optional.empty(), Optional.empty(), Optional.empty(),
				OptionalInt.of(s.serverType()), Optional.of(s.comment()), os,
				Optional.of(BrowserRole.of(s.serverType())), Optional.empty(), BrowseSource.SERVER_LIST, time);
	}

	/** A node status answer; empty if the name table holds no computer name. */
	public static Optional<HostObservation> scanned(ScanHit hit, Instant time) {
		HostNames n = hit.hostNames();
		return n.computer().map(c -> new HostObservation(c, n.workgroup(), Optional.of(hit.address()), n.user(), Optional.of(hit.mac()),
				OptionalInt.empty(), Optional.empty(), Optional.empty(),
				n.masterBrowser() ? Optional.of(BrowserRole.LOCAL_MASTER) : Optional.empty(), Optional.empty(), BrowseSource.SCAN, time));
	}

	/** A name a WINS server maps to {@code address}. */
	public static HostObservation registered(String name, Optional<String> workgroup, Inet4Address address, Instant time) {
		return new HostObservation(name, workgroup, Optional.of(address), Optional.empty(), Optional.empty(), OptionalInt.empty(),
				Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), BrowseSource.WINS, time);
	}
}
