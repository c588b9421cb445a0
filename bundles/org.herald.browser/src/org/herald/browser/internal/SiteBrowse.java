/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.browser.internal;

import java.io.IOException;
import java.net.Inet4Address;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.herald.api.BindInterface;
import org.herald.api.Identity;
import org.herald.api.NetbiosName;
import org.herald.browser.BrowseModel;
import org.herald.browser.BrowseSource;
import org.herald.browser.BrowserSettings;
import org.herald.browser.HostObservation;
import org.herald.browser.ScanHit;
import org.herald.browser.ScanOptions;
import org.herald.browser.SiteRound;
import org.herald.browser.SiteRound.Master;
import org.herald.browser.Subnets;
import org.herald.browser.wire.ServerInfo1;
import org.herald.netbios.wire.NodeStatusEntry;

/**
 * One round of browsing a routed site through its WINS server, as an administrator's tool does it
 * where broadcasts stop at the router: the domain master browsers from WINS ({@code *<1B>}, which a
 * Samba WINS answers with every registered &lt;1B&gt; name, and WG&lt;1B&gt; for the workgroups
 * asked for), a node status of each for its name and workgroup, then NetServerEnum2 at each master:
 * its workgroup's server list and its workgroup list (SV_TYPE_DOMAIN_ENUM), whose comment field
 * names each workgroup's master browser; those masters (found by name through WINS) are asked for
 * their lists in turn, so a workgroup's local masters on other subnets are listed too. Hosts that a
 * list names without an address are looked up at WINS (NAME&lt;00&gt;). Everything goes into the
 * model (which ages it), each host with who reported it in words ({@link BrowseModel#reporters}).
 */
final class SiteBrowse {

	private final Identity identity;
	private final BrowserSettings settings;
	private final BrowseModel model;
	private final Clock clock;

	SiteBrowse(Identity identity, BrowserSettings settings, BrowseModel model, Clock clock) {
		this.identity = identity;
		this.settings = settings;
		this.model = model;
		this.clock = clock;
	}

	/**
	 * Browses the site once.
	 *
	 * @param workgroups workgroups to ask WINS for by name (WG&lt;1B&gt;) besides {@code *<1B>}
	 * @throws IOException if no WINS server is configured
	 */
	SiteRound round(List<String> workgroups) throws IOException {
		long start = System.nanoTime();
		Inet4Address wins = identity.wins().orElseThrow(() -> new IOException("browsing a site needs a WINS server: give --wins IP"));
		BindInterface toWins = identity.interfaceFor(wins);
		NameQueries q = new NameQueries(toWins.address(), settings.nameServicePort(), settings.queryWindow(), 3);
		List<String> problems = new ArrayList<>();
		Map<Inet4Address, String> dmbs = new LinkedHashMap<>();
		for (NameQueries.Found f : q.query(new NetbiosName("*", NetbiosName.DOMAIN_MASTER_BROWSER), wins, false)) {
			dmbs.putIfAbsent(f.address().address(), "WINS *<1B> at " + wins.getHostAddress());
		}
		for (String wg : workgroups) {
			for (NameQueries.Found f : q.query(new NetbiosName(wg, NetbiosName.DOMAIN_MASTER_BROWSER), wins, false)) {
				dmbs.putIfAbsent(f.address().address(), "WINS " + NetbiosName.upperAscii(wg) + "<1B> at " + wins.getHostAddress());
			}
		}
		if (dmbs.isEmpty()) {
			problems.add("WINS " + wins.getHostAddress() + " knows no domain master browser (*<1B>"
					+ (workgroups.isEmpty() ? "" : ", " + String.join("<1B>, ", workgroups) + "<1B>") + ")");
		}
		record Ask(String workgroup, String name, Inet4Address address, String foundBy) {
		}
		Deque<Ask> asks = new ArrayDeque<>();
		for (Map.Entry<Inet4Address, String> d : dmbs.entrySet()) {
			Optional<ScanHit> hit = nodeStatus(d.getKey());
			if (hit.isEmpty()) {
				problems.add("domain master browser " + d.getKey().getHostAddress() + " (" + d.getValue() + ") did not answer node status");
				continue;
			}
			Instant now = clock.instant();
			HostObservation.scanned(hit.get(), now).ifPresent(o -> observe(o, "node status of " + d.getKey().getHostAddress()));
			Optional<String> name = hit.get().hostNames().computer();
			Optional<String> wg = domainMasterOf(hit.get()).or(() -> hit.get().hostNames().workgroup());
			if (name.isEmpty() || wg.isEmpty()) {
				problems.add("domain master browser " + d.getKey().getHostAddress() + " names no computer or workgroup in its name table");
				continue;
			}
			model.observeWorkgroup(wg.get(), name, Optional.of(d.getKey()), BrowseSource.WINS, now);
			observe(HostObservation.registered(name.get(), wg, d.getKey(), now), d.getValue());
			asks.add(new Ask(wg.get(), name.get(), d.getKey(), d.getValue() + ", domain master"));
		}
		List<Master> masters = new ArrayList<>();
		Set<String> asked = new HashSet<>();
		while (!asks.isEmpty()) {
			Ask a = asks.poll();
			if (!asked.add(a.workgroup() + "@" + a.address().getHostAddress())) {
				continue;
			}
			String from = "server list of " + a.name() + " " + a.address().getHostAddress();
			try (ServerListClient c = ServerListClient.open(identity.interfaceFor(a.address()).address(), a.address(), settings.sessionPort(),
					Optional.of(a.name()), identity.workstationName(), settings.timeout())) {
				ServerListClient.Lists lists = c.lists(a.workgroup());
				Instant now = clock.instant();
				for (ServerInfo1 s : lists.servers()) {
					observe(HostObservation.listed(s, a.workgroup(), now), from);
				}
				for (ServerInfo1 w : lists.workgroups()) {
					String wg = w.name().strip();
					String master = w.comment().strip();
					if (wg.isEmpty() || NetbiosName.problemWith(wg) != null) {
						continue; // Samba lists a nameless entry after merging lists: nothing to browse
					}
					if (master.isEmpty() || NetbiosName.problemWith(master) != null) {
						model.observeWorkgroup(wg, Optional.empty(), Optional.empty(), BrowseSource.SERVER_LIST, now);
						continue;
					}
					Optional<Inet4Address> at = resolve(q, wins, master);
					model.observeWorkgroup(wg, Optional.of(master), at, BrowseSource.SERVER_LIST, now);
					at.ifPresent(addr -> asks.add(new Ask(wg, master, addr, "workgroup list of " + a.name() + ", WINS " + master)));
				}
				masters.add(new Master(a.workgroup(), a.name(), a.address(), a.foundBy(), lists.servers().size(), lists.workgroups().size(),
						Optional.empty()));
			} catch (IOException e) {
				String p = from + " failed: " + e.getMessage();
				problems.add(p);
				masters.add(new Master(a.workgroup(), a.name(), a.address(), a.foundBy(), 0, 0, Optional.of(p)));
			}
		}
		for (org.herald.browser.Host h : model.hosts()) {
			if (h.addresses().isEmpty() && !h.stale()) {
				for (NameQueries.Found f : q.query(new NetbiosName(h.name(), NetbiosName.WORKSTATION), wins, false)) {
					if (!f.address().group()) {
						observe(HostObservation.registered(h.name(), h.workgroup(), f.address().address(), clock.instant()),
								"WINS " + h.name() + "<00> at " + wins.getHostAddress());
					}
				}
			}
		}
		return new SiteRound(masters, problems, Duration.ofNanos(System.nanoTime() - start));
	}

	/** The workgroup whose &lt;1B&gt; name the node holds. */
	private static Optional<String> domainMasterOf(ScanHit hit) {
		return hit.names().stream().filter(e -> e.suffix() == NetbiosName.DOMAIN_MASTER_BROWSER && !e.group())
				.map(NodeStatusEntry::name).findFirst();
	}

	/** A master browser's address by name: its &lt;20&gt; (server) name at WINS, else &lt;00&gt;. */
	private static Optional<Inet4Address> resolve(NameQueries q, Inet4Address wins, String name) throws IOException {
		for (int suffix : new int[] { NetbiosName.FILE_SERVER, NetbiosName.WORKSTATION }) {
			for (NameQueries.Found f : q.query(new NetbiosName(name, suffix), wins, false)) {
				if (!f.address().group()) {
					return Optional.of(f.address().address());
				}
			}
		}
		return Optional.empty();
	}

	private void observe(HostObservation o, String source) {
		model.observe(o, source);
	}

	private Optional<ScanHit> nodeStatus(Inet4Address host) throws IOException {
		List<ScanHit> hits = new ArrayList<>(1);
		ScanOptions o = ScanOptions.defaults().withPort(settings.nameServicePort()).withTimeout(settings.queryWindow()).withRetries(2);
		try {
			new NodeStatusScanner(identity.interfaceFor(host).address(), o).scan(List.of(host), hits::add);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted", e);
		}
		return hits.stream().findFirst();
	}

	/** The subnet of {@code a} ({@link Subnets#of}). */
	static String subnetOf(Identity identity, Inet4Address a) {
		return Subnets.of(identity, a);
	}
}
