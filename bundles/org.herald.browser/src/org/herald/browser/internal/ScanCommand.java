/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.browser.internal;

import java.io.PrintStream;
import java.net.Inet4Address;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.herald.api.cli.Json;
import org.herald.api.Identity;
import org.herald.api.Routes;
import org.herald.api.cli.CliCommand;
import org.herald.api.cli.CommandContext;
import org.herald.api.cli.ParsedOptions;
import org.herald.api.cli.UsageException;
import org.herald.browser.BrowserSettings;
import org.herald.browser.HostBrowser;
import org.herald.browser.HostBrowsers;
import org.herald.browser.HostNames;
import org.herald.browser.ScanHit;
import org.herald.browser.ScanOptions;
import org.herald.browser.ScanSummary;
import org.herald.browser.Targets;
import org.herald.netbios.wire.NodeStatusEntry;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code herald scan}: a node status scan of address ranges, printed like nbtscan (IP, NetBIOS
 * name, server, user, MAC), or as JSON or CSV.
 */
@Component(service = CliCommand.class, property = "herald.command=scan")
public final class ScanCommand implements CliCommand {

	private final HostBrowsers browsers;

	@Activate
	public ScanCommand(@Reference HostBrowsers browsers) {
		this.browsers = browsers;
	}

	private static final String USAGE = """
			herald scan TARGET... [--rate N] [--timeout MS] [--retries N] [--port N] [--json | --csv] [--all]
			    Asks every address of the targets for its NetBIOS name table (node status), from one socket
			    on the configured interface that serves them (with none configured: from the address the
			    routing table uses for them, named on stderr). TARGET: IP, IP/PREFIX (without its network and
			    broadcast addresses), IP-LASTOCTET or IP-IP. Lists the hosts that answered, like nbtscan.
			Exit status: 0 some host answered, 1 none did, 2 wrong arguments.""";

	private static final org.herald.api.cli.Options OPTIONS = new org.herald.api.cli.Options()
			.value("--rate", "N", "queries per second (default 0: as fast as the socket takes them)")
			.value("--timeout", "MS", "how long a host has to answer, retries included (default 1000)")
			.value("--retries", "N", "further queries, within the timeout, to hosts that did not answer (default 1)")
			.value("--port", "N", "the name service port to ask (default 137)")
			.flag("--json", "print JSON").flag("--csv", "print CSV")
			.flag("--all", "with the table, also each host's full name table (like nbtscan -v)");

	@Override
	public String name() {
		return "scan";
	}

	@Override
	public String summary() {
		return "node status scan of address ranges (like nbtscan)";
	}

	@Override
	public String usage() {
		return USAGE + "\nOptions:\n" + OPTIONS.usageLines();
	}

	record Options(List<Inet4Address> targets, ScanOptions scan, String format, boolean all) {
	}

	static Options parse(List<String> list) throws UsageException {
		ParsedOptions a = OPTIONS.parse(list);
		ScanOptions o = ScanOptions.defaults();
		o = o.withRate(a.integer("--rate", 0, 10_000_000, o.rate()));
		o = o.withTimeout(a.millis("--timeout", 1, 600_000, o.timeout()));
		o = o.withRetries(a.integer("--retries", 0, 10, o.retries()));
		o = o.withPort(a.integer("--port", 1, 65535, o.port()));
		String format = a.has("--json") ? "json" : a.has("--csv") ? "csv" : "table";
		boolean all = a.has("--all");
		if (a.operands().isEmpty()) {
			throw new UsageException("scan needs at least one TARGET (IP, IP/PREFIX or range)");
		}
		try {
			return new Options(Targets.parse(a.operands()), o, format, all);
		} catch (IllegalArgumentException e) {
			throw new UsageException(e.getMessage());
		}
	}

	@Override
	public int run(CommandContext context, List<String> args) throws UsageException, Exception {
		Options o = parse(args);
		Identity identity = context.identity();
		if (identity.interfaces().isEmpty()) {
			// a scan is unicast only: without configured interfaces it goes where the routing table says
			identity = identity.orRoutedTo(o.targets());
			context.err().println("scan: " + Routes.describe(identity, o.targets()));
		}
		List<ScanHit> hits = new ArrayList<>();
		ScanSummary summary;
		BrowserSettings settings = BrowserSettings.defaults().withListen(false).withPorts(138, o.scan().port(), 139);
		try (HostBrowser browser = browsers.open(identity, settings)) {
			summary = browser.scan(o.targets(), o.scan(), hit -> {
				synchronized (hits) {
					hits.add(hit);
				}
			});
		}
		hits.sort(Comparator.comparingLong(h -> Targets.key(h.address())));
		PrintStream out = context.out();
		switch (o.format()) {
			case "json" -> out.println(json(hits, summary));
			case "csv" -> {
				out.println(Csv.line(List.of("ip", "name", "workgroup", "user", "server", "mac")));
				for (ScanHit h : hits) {
					HostNames n = h.hostNames();
					out.println(Csv.line(List.of(h.address().getHostAddress(), n.computer().orElse(""), n.workgroup().orElse(""),
							n.user().orElse(""), n.fileServer(), h.mac())));
				}
			}
			default -> out.print(table(hits, o.all()));
		}
		context.err().printf("%d of %d addresses answered in %.3f s (%.0f addresses/s; the last answer after %.3f s; %d refused"
				+ " with ICMP port unreachable; %d queries sent)%n", summary.answered(), summary.targets(), summary.elapsed().toNanos() / 1e9,
				summary.hostsPerSecond(), summary.lastAnswer().toNanos() / 1e9, summary.refused(), summary.sent());
		return hits.isEmpty() ? 1 : 0;
	}

	/** nbtscan's table: IP, NetBIOS name, server, user, MAC. */
	static String table(List<ScanHit> hits, boolean all) {
		StringBuilder sb = new StringBuilder();
		sb.append(String.format("%-17s%-17s%-10s%-17s%s%n", "IP address", "NetBIOS Name", "Server", "User", "MAC address"));
		sb.append("-".repeat(78)).append('\n');
		for (ScanHit h : hits) {
			HostNames n = h.hostNames();
			sb.append(String.format("%-17s%-17s%-10s%-17s%s%n", h.address().getHostAddress(), n.computer().orElse("<unknown>"),
					n.fileServer() ? "<server>" : "", n.user().orElse("<unknown>"), h.mac()));
			if (all) {
				for (NodeStatusEntry e : h.names()) {
					sb.append(String.format("    %-16s<%02x> %s%n", printable(e.name()), e.suffix(), e.group() ? "GROUP" : "UNIQUE"));
				}
			}
		}
		return sb.toString();
	}

	static String json(List<ScanHit> hits, ScanSummary s) {
		List<Object> list = new ArrayList<>();
		for (ScanHit h : hits) {
			HostNames n = h.hostNames();
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("ip", h.address().getHostAddress());
			m.put("name", n.computer());
			m.put("workgroup", n.workgroup());
			m.put("user", n.user());
			m.put("server", n.fileServer());
			m.put("masterBrowser", n.masterBrowser());
			m.put("mac", h.mac());
			List<Object> names = new ArrayList<>();
			for (NodeStatusEntry e : h.names()) {
				names.add(Map.of("name", printable(e.name()), "suffix", String.format("%02X", e.suffix()), "group", e.group()));
			}
			m.put("names", names);
			list.add(m);
		}
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("targets", s.targets());
		m.put("answered", s.answered());
		m.put("refused", s.refused());
		m.put("sent", s.sent());
		m.put("elapsedMs", s.elapsed().toMillis());
		m.put("lastAnswerMs", s.lastAnswer().toMillis());
		m.put("hosts", list);
		return Json.write(m);
	}

	static String printable(String name) {
		StringBuilder sb = new StringBuilder(name.length());
		name.chars().forEach(c -> sb.append(c < 0x20 || c == 0x7F ? '.' : (char) c));
		return sb.toString();
	}
}
