/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.browser.internal;

import java.io.PrintStream;
import java.net.Inet4Address;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.herald.api.Identity;
import org.herald.api.NetbiosName;
import org.herald.api.cli.CommandContext;
import org.herald.api.cli.Json;
import org.herald.api.cli.Options;
import org.herald.api.cli.ParsedOptions;
import org.herald.api.cli.UsageException;
import org.herald.browser.BrowseEvent;
import org.herald.browser.BrowseModel;
import org.herald.browser.BrowserSettings;
import org.herald.browser.Host;
import org.herald.browser.SiteRound;
import org.herald.browser.Workgroup;

/**
 * {@code herald browse --site}: every workgroup of a routed site, through its WINS server
 * ({@link SiteBrowse}); each host with its subnet and where it was reported from. With
 * {@code --rounds N} it browses again every {@code --every} seconds and prints what changed, so
 * entries that no source reports any more turn stale after {@code --max-age} and are removed after
 * twice that.
 */
final class SiteBrowseCommand {

	static final Options OPTIONS = new Options()
			.flag("--site", "browse every workgroup of the site through the WINS server (needs --wins)")
			.flag("--json", "print JSON")
			.value("--rounds", "N", "browse N times (default 1), printing changes after the first")
			.value("--every", "SECONDS", "between rounds (default 10)")
			.value("--max-age", "SECONDS", "an entry no round reports turns stale after this (default 2160), is removed after twice that");

	static final String USAGE = """
			herald browse --site [WORKGROUP...] [--json] [--rounds N] [--every SECONDS] [--max-age SECONDS]
			    Every workgroup of a routed site, through the WINS server (--wins): the domain master browsers
			    (WINS *<1B> and WORKGROUP<1B>), node status of each, their server and workgroup lists
			    (NetServerEnum2, SV_TYPE_DOMAIN_ENUM), then the lists of each workgroup's master named there;
			    each host with its subnet and its sources.
			""" + OPTIONS.usageLines();

	private SiteBrowseCommand() {
	}

	static int run(CommandContext context, List<String> args) throws UsageException, Exception {
		ParsedOptions p = OPTIONS.parse(args);
		int rounds = p.integer("--rounds", 1, 10_000, 1);
		Duration every = Duration.ofSeconds(p.integer("--every", 1, 3600, 10));
		Duration maxAge = Duration.ofSeconds(p.integer("--max-age", 1, 86_400, (int) BrowseModel.DEFAULT_MAX_AGE.toSeconds()));
		List<String> workgroups = new ArrayList<>();
		for (String w : p.operands()) {
			String wg = NetbiosName.upperAscii(w);
			if (NetbiosName.problemWith(wg) != null) {
				throw new UsageException(NetbiosName.problemWith(wg));
			}
			workgroups.add(wg);
		}
		Identity identity = context.identity();
		if (identity.interfaces().isEmpty()) {
			throw new UsageException("no interfaces configured: give --interfaces IP/PREFIX");
		}
		if (identity.wins().isEmpty()) {
			throw new UsageException("browse --site asks the WINS server: give --wins IP");
		}
		boolean json = p.has("--json");
		PrintStream out = context.out();
		PrintStream err = context.err();
		BrowseModel model = new BrowseModel(maxAge);
		Clock clock = Clock.systemUTC();
		SiteBrowse site = new SiteBrowse(identity, BrowserSettings.defaults(), model, clock);
		List<BrowseEvent> changes = new ArrayList<>();
		SiteRound last = null;
		for (int r = 1; r <= rounds && !context.stopRequested(); r++) {
			if (r == 2) {
				model.addListener(e -> {
					synchronized (changes) {
						changes.add(e);
					}
				});
			}
			last = site.round(workgroups);
			Instant now = clock.instant();
			model.age(now);
			model.prune(now.minus(maxAge.multipliedBy(2)));
			err.printf("site: round %d took %d ms: %d workgroups, %d hosts, %d master browsers asked%n", r, last.took().toMillis(),
					model.workgroups().size(), model.hosts().size(), last.masters().size());
			synchronized (changes) {
				for (BrowseEvent e : changes) {
					(json ? err : out).println("round " + r + ": " + e);
				}
				changes.clear();
			}
			if (r < rounds) {
				long deadline = System.nanoTime() + every.toNanos();
				while (System.nanoTime() < deadline && !context.stopRequested()) {
					TimeUnit.MILLISECONDS.sleep(Math.min(200, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
				}
			}
		}
		if (last == null) {
			return 1;
		}
		last.problems().forEach(x -> err.println("site: " + x));
		if (json) {
			out.println(Json.write(json(identity, model, last)));
		} else {
			out.print(table(identity, model, last));
		}
		return model.workgroups().isEmpty() ? 1 : 0;
	}

	static Map<String, Object> json(Identity identity, BrowseModel model, SiteRound round) {
		List<Object> wgs = new ArrayList<>();
		for (Workgroup w : model.workgroups()) {
			Map<String, Object> m = BrowseCommand.workgroupJson(w);
			m.put("subnet", w.masterAddress().map(a -> SiteBrowse.subnetOf(identity, a)));
			m.put("masters", round.masters().stream().filter(x -> x.workgroup().equals(w.name())).map(SiteBrowseCommand::masterJson).toList());
			wgs.add(m);
		}
		List<Object> hosts = new ArrayList<>();
		for (Host h : model.hosts()) {
			Map<String, Object> m = BrowseCommand.hostJson(h);
			m.put("subnets", h.addresses().stream().map(a -> SiteBrowse.subnetOf(identity, a)).toList());
			m.put("sources", List.copyOf(model.reporters(h.name()).keySet()));
			hosts.add(m);
		}
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("wins", identity.wins().map(Inet4Address::getHostAddress));
		m.put("tookMs", round.took().toMillis());
		m.put("workgroups", wgs);
		m.put("hosts", hosts);
		m.put("problems", round.problems());
		return m;
	}

	private static Map<String, Object> masterJson(SiteRound.Master x) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("name", x.name());
		m.put("address", x.address().getHostAddress());
		m.put("foundBy", x.foundBy());
		m.put("servers", x.servers());
		m.put("workgroups", x.workgroups());
		m.put("problem", x.problem());
		return m;
	}

	static String table(Identity identity, BrowseModel model, SiteRound round) {
		StringBuilder sb = new StringBuilder();
		sb.append(String.format("%-16s %-16s %-16s %-34s %s%n", "Workgroup", "Master", "Address", "Subnet", "Found by"));
		for (Workgroup w : model.workgroups()) {
			List<SiteRound.Master> ms = round.masters().stream().filter(x -> x.workgroup().equals(w.name())).toList();
			if (ms.isEmpty()) {
				sb.append(String.format("%-16s %-16s %-16s %-34s %s%s%n", w.name(), w.masterBrowser().orElse("-"),
						w.masterAddress().map(Inet4Address::getHostAddress).orElse("-"),
						w.masterAddress().map(a -> SiteBrowse.subnetOf(identity, a)).orElse("-"), "a workgroup list",
						w.stale() ? " (stale)" : ""));
			}
			for (SiteRound.Master m : ms) {
				sb.append(String.format("%-16s %-16s %-16s %-34s %s%s%n", w.name(), m.name(), m.address().getHostAddress(),
						SiteBrowse.subnetOf(identity, m.address()), m.foundBy() + m.problem().map(p -> " (" + p + ")").orElse(""),
						w.stale() ? " (stale)" : ""));
			}
		}
		sb.append('\n');
		sb.append(String.format("%-16s %-12s %-16s %-30s %-12s %s%n", "Host", "Workgroup", "Address", "Subnet", "Role", "Sources"));
		for (Host h : model.hosts()) {
			sb.append(String.format("%-16s %-12s %-16s %-30s %-12s %s%s%n", h.name(), h.workgroup().orElse("-"),
					h.addresses().stream().map(Inet4Address::getHostAddress).collect(Collectors.joining(",")),
					h.addresses().stream().map(a -> SiteBrowse.subnetOf(identity, a)).collect(Collectors.joining(",")),
					h.role().name().toLowerCase(Locale.ROOT), String.join("; ", model.reporters(h.name()).keySet()),
					h.stale() ? " (stale)" : ""));
		}
		sb.append(String.format("%nsite browsed in %d ms through WINS %s: %d workgroups, %d hosts%n", round.took().toMillis(),
				identity.wins().map(Inet4Address::getHostAddress).orElse("-"), model.workgroups().size(), model.hosts().size()));
		return sb.toString();
	}
}
