/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.browser.internal;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.herald.api.Identity;
import org.herald.api.cli.CliCommand;
import org.herald.api.cli.CommandContext;
import org.herald.api.cli.ParsedOptions;
import org.herald.api.cli.UsageException;
import org.herald.browser.Targets;
import org.herald.browser.exposure.ExposureChecker;
import org.herald.browser.exposure.ExposureReport;
import org.herald.browser.exposure.ExposureService;
import org.herald.browser.exposure.HostExposure;
import org.herald.browser.exposure.LocalSocket;
import org.herald.browser.exposure.Port;
import org.herald.browser.exposure.PortFinding;
import org.herald.browser.exposure.Remedy;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code herald exposure}: which NetBIOS, SMB and RPC ports hosts answer on, what that exposes, and how to close it. */
@Component(service = CliCommand.class, property = "herald.command=exposure")
public final class ExposureCommand implements CliCommand {

	private final ExposureService exposure;

	@Activate
	public ExposureCommand(@Reference ExposureService exposure) {
		this.exposure = exposure;
	}

	private static final String USAGE = """
			herald exposure TARGET... [--local] [--format text|csv|json|html] [--output FILE] [--timeout MS]
			herald exposure --local [--format ...]
			    Probes TCP 135, 139, 445 (connect), UDP 137 (node status) and UDP 138 (a browser request, and
			    ICMP port unreachable) of each target from the configured interface that serves it, and rates
			    what each host exposes (names, users, Messenger <03> names that pop-up spam reaches), with the
			    firewall rules (iptables, nftables, netsh advfirewall) that close it. TARGET: IP, IP/PREFIX or a range.
			    --local  also audit this machine: its sockets on those ports (from /proc/net) with the addresses
			             they are bound to, and a probe of each configured interface address.
			Exit status: 0 report written, 1 failure, 2 wrong arguments.""";

	@Override
	public String name() {
		return "exposure";
	}

	@Override
	public String summary() {
		return "firewall exposure check of NetBIOS/SMB/RPC ports, with remedies";
	}

	@Override
	public String usage() {
		return USAGE + "\nOptions:\n" + OPTIONS.usageLines();
	}

	record Options(List<String> targets, boolean local, String format, Optional<Path> output, ExposureChecker.Options check) {
	}

	private static final org.herald.api.cli.Options OPTIONS = new org.herald.api.cli.Options()
			.flag("--local", "also audit this machine")
			.value("--format", "text|csv|json|html", "the report's format (text)")
			.flag("--json", "the same as --format json").flag("--csv", "the same as --format csv").flag("--html", "the same as --format html")
			.value("--output", "FILE", "write the report to FILE")
			.value("--timeout", "MS", "how long a probe waits, 1 to 60000")
			.value("--ports", "P135,P137,P138,P139,P445", "probe other port numbers (for tests)");

	static Options parse(List<String> list) throws UsageException {
		ParsedOptions a = OPTIONS.parse(list);
		boolean local = a.has("--local");
		String format = a.has("--json") ? "json" : a.has("--csv") ? "csv" : a.has("--html") ? "html" : a.string("--format").orElse("text");
		if (!List.of("text", "csv", "json", "html").contains(format)) {
			throw new UsageException("--format wants text, csv, json or html, not '" + format + "'");
		}
		Optional<Path> output = a.string("--output").map(Path::of);
		ExposureChecker.Options check = ExposureChecker.Options.defaults();
		if (a.has("--timeout")) {
			check = check.withTimeout(a.millis("--timeout", 1, 60_000, null));
		}
		if (a.has("--ports")) {
			String[] p = a.string("--ports").orElseThrow().split(",");
			if (p.length != 5) {
				throw new UsageException("--ports wants five numbers for 135,137,138,139,445");
			}
			Map<Port, Integer> m = new EnumMap<>(Port.class);
			Port[] order = Port.values();
			for (int i = 0; i < 5; i++) {
				try {
					m.put(order[i], Integer.parseInt(p[i].strip()));
				} catch (NumberFormatException e) {
					throw new UsageException("--ports: not a number: " + p[i]);
				}
			}
			check = check.withPorts(m);
		}
		if (a.operands().isEmpty() && !local) {
			throw new UsageException("exposure needs a TARGET or --local");
		}
		try {
			Targets.parse(a.operands());
		} catch (IllegalArgumentException e) {
			throw new UsageException(e.getMessage());
		}
		return new Options(a.operands(), local, format, output, check);
	}

	@Override
	public int run(CommandContext context, List<String> args) throws UsageException, Exception {
		Options o = parse(args);
		Identity identity = context.identity();
		if (identity.interfaces().isEmpty()) {
			throw new UsageException("no interfaces configured: give --interfaces IP/PREFIX");
		}
		ExposureReport report = exposure.check(identity, Targets.parse(o.targets()), o.local(), o.check());
		String text = switch (o.format()) {
			case "csv" -> report.csv();
			case "json" -> report.json() + "\n";
			case "html" -> report.html();
			default -> text(report);
		};
		if (o.output().isPresent()) {
			Files.writeString(o.output().get(), text, StandardCharsets.UTF_8);
			context.err().println("exposure: report written to " + o.output().get());
		} else {
			context.out().print(text);
		}
		return 0;
	}


	static String text(ExposureReport r) {
		StringBuilder sb = new StringBuilder();
		for (HostExposure h : r.hosts()) {
			sb.append(h.address().getHostAddress()).append(h.hostNames().flatMap(n -> n.computer()).map(c -> " " + c).orElse(""))
					.append(": ").append(h.risk()).append(" - ").append(h.reason()).append('\n');
			for (PortFinding f : h.ports()) {
				sb.append(String.format("  %-8s %-16s %s%n", f.port(), f.state(), f.evidence()));
			}
			if (!h.names().isEmpty()) {
				sb.append("  names: ").append(String.join(", ", h.names())).append("; MAC ").append(h.mac().orElse("")).append('\n');
			}
			for (Remedy m : h.remedies()) {
				sb.append("  remedy: ").append(m.action()).append('\n');
				sb.append("    iptables: ").append(m.iptables()).append('\n');
				sb.append("    nftables: ").append(m.nftables()).append('\n');
				sb.append("    netsh:    ").append(m.netsh()).append('\n');
			}
		}
		if (!r.local().isEmpty()) {
			sb.append("local sockets:\n");
			for (LocalSocket s : r.local()) {
				sb.append(String.format("  %-5s %-15s %5d  %-24s %s%s%n", s.protocol(), s.address(), s.port(),
						s.process().orElse("?") + (s.herald() ? " (Herald)" : ""), s.reach(), s.warning().map(w -> "  WARNING: " + w).orElse("")));
			}
		}
		return sb.toString();
	}
}
