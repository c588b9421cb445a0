/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.browser.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.net.Inet4Address;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.herald.api.cli.Json;
import org.herald.api.Identity;
import org.herald.api.MessageReception;
import org.herald.api.NetbiosName;
import org.herald.api.cli.CliCommand;
import org.herald.api.cli.CommandContext;
import org.herald.api.cli.ParsedOptions;
import org.herald.api.cli.UsageException;
import org.herald.browser.BrowseEvent;
import org.herald.browser.BrowseModel;
import org.herald.browser.BrowserSettings;
import org.herald.browser.Host;
import org.herald.browser.HostBrowser;
import org.herald.browser.HostBrowsers;
import org.herald.browser.ScanOptions;
import org.herald.browser.ServerListResult;
import org.herald.browser.Targets;
import org.herald.browser.Workgroup;
import org.herald.browser.wire.ServerType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * {@code herald browse}: the browse list of a workgroup (or of all that answer), from the local
 * master browser's server lists, announcements heard on UDP 138 and, on request, a scan and WINS;
 * with {@code --announce} Herald also announces itself until stopped.
 */
@Component(service = CliCommand.class, property = "herald.command=browse")
public final class BrowseCommand implements CliCommand {

	private final HostBrowsers browsers;
	private final MessageReception reception;

	/**
	 * @param browsers  the host browsers (on the process's datagram service, shared with the Messenger's receivers)
	 * @param reception receives pop-ups into the inbox with {@code --receive}; optional (the Messenger offers it)
	 */
	@Activate
	public BrowseCommand(@Reference HostBrowsers browsers,
			@Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY) MessageReception reception) {
		this.browsers = browsers;
		this.reception = reception;
	}

	private static final String USAGE = """
			herald browse [WORKGROUP] [--wait SECONDS] [--scan TARGET[,TARGET...]]... [--wins] [--no-request] [--json]
			herald browse [WORKGROUP] --announce [--period SECONDS] [--comment TEXT] [--receive] [--json]
			    Lists the workgroups and the hosts of WORKGROUP (default: Herald's): asks the local master
			    browser (WORKGROUP<1D>) for its server and workgroup lists (NetServerEnum2 over SMB1 on TCP 139),
			    asks the workgroup's hosts to announce (AnnouncementRequest) and listens for announcements on
			    UDP 138 for --wait seconds (default 0). --scan adds node status answers of the targets; --wins
			    asks the WINS server for the workgroup's names.
			    --announce  also announce Herald (HostAnnouncement to WORKGROUP<1D>) at 1, 1, 2, 4, 8 and then
			                every 12 minutes (or every --period seconds), printing browse list changes until stopped.
			    --receive   also receive pop-ups meanwhile into the workspace's inbox and print them, as the workbench does:
			                the Messenger's receivers and the browser share UDP 138 in this one process.
			Exit status: 0 a list came, 1 nothing found, 2 wrong arguments.""";

	private static final org.herald.api.cli.Options OPTIONS = new org.herald.api.cli.Options()
			.value("--wait", "SECONDS", "listen for announcements this long, 0 to 3600 (default 0)")
			.repeatable("--scan", "TARGET[,TARGET...]", "add the node status answers of these targets")
			.flag("--wins", "ask the WINS server for the workgroup's names")
			.flag("--no-request", "do not ask the workgroup's hosts to announce")
			.flag("--json", "print JSON")
			.flag("--announce", "also announce Herald until stopped")
			.value("--period", "SECONDS", "announce every SECONDS, 1 to 3600 (default: the standard schedule)")
			.value("--comment", "TEXT", "the comment Herald announces (default Herald)")
			.flag("--receive", "also receive pop-ups into the inbox meanwhile")
			.value("--ports", "DATAGRAM,NAME,SESSION", "other port numbers (for tests; default 138,137,139)");

	@Override
	public String name() {
		return "browse";
	}

	@Override
	public String summary() {
		return "browse list: workgroups and hosts (master browsers, announcements, scans, WINS)";
	}

	@Override
	public String usage() {
		return USAGE + "\nOptions:\n" + OPTIONS.usageLines() + "\n" + SiteBrowseCommand.USAGE;
	}

	record Options(Optional<String> workgroup, Duration listenFor, List<String> scan, boolean wins, boolean request, boolean json,
			boolean announce, Optional<Duration> period, String comment, int datagramPort, int nameServicePort, int sessionPort,
			boolean receive) {
	}

	static Options parse(List<String> list) throws UsageException {
		ParsedOptions a = OPTIONS.parse(list);
		Duration wait = Duration.ofSeconds(a.integer("--wait", 0, 3600, 0));
		List<String> scan = a.all("--scan");
		boolean wins = a.has("--wins");
		boolean request = !a.has("--no-request");
		boolean json = a.has("--json");
		boolean announce = a.has("--announce");
		boolean receive = a.has("--receive");
		Optional<Duration> period = a.has("--period") ? Optional.of(Duration.ofSeconds(a.integer("--period", 1, 3600, 0))) : Optional.empty();
		String comment = a.string("--comment").orElse("Herald");
		int dgm = 138;
		int ns = 137;
		int ss = 139;
		if (a.has("--ports")) {
			String[] p = a.string("--ports").orElseThrow().split(",");
			if (p.length != 3) {
				throw new UsageException("--ports wants DATAGRAM,NAME,SESSION, e.g. 138,137,139");
			}
			try {
				dgm = Integer.parseInt(p[0].strip());
				ns = Integer.parseInt(p[1].strip());
				ss = Integer.parseInt(p[2].strip());
			} catch (NumberFormatException e) {
				throw new UsageException("--ports wants three numbers");
			}
		}
		if (a.operands().size() > 1) {
			throw new UsageException("browse takes at most one WORKGROUP");
		}
		Optional<String> wg = a.operands().stream().findFirst();
		if (wg.isPresent() && NetbiosName.problemWith(NetbiosName.upperAscii(wg.get())) != null) {
			throw new UsageException(NetbiosName.problemWith(NetbiosName.upperAscii(wg.get())));
		}
		if (!scan.isEmpty()) {
			try {
				Targets.parse(scan);
			} catch (IllegalArgumentException e) {
				throw new UsageException("--scan: " + e.getMessage());
			}
		}
		return new Options(wg, wait, scan, wins, request, json, announce, period, comment, dgm, ns, ss, receive);
	}

	@Override
	public int run(CommandContext context, List<String> args) throws UsageException, Exception {
		if (args.contains("--site")) {
			return SiteBrowseCommand.run(context, args);
		}
		Options o = parse(args);
		Identity identity = context.identity();
		if (identity.interfaces().isEmpty()) {
			throw new UsageException("no interfaces configured: give --interfaces IP/PREFIX");
		}
		String wg = NetbiosName.upperAscii(o.workgroup().orElse(identity.workgroup()));
		BrowserSettings settings = BrowserSettings.defaults().withPorts(o.datagramPort(), o.nameServicePort(), o.sessionPort());
		if (o.announce()) {
			settings = settings.withAnnouncements(o.period().map(BrowserSettings::every).orElse(BrowserSettings.STANDARD_SCHEDULE),
					o.comment());
		}
		PrintStream out = context.out();
		PrintStream err = context.err();
		BlockingQueue<BrowseEvent> events = new LinkedBlockingQueue<>();
		AutoCloseable presence = o.receive() ? receive(identity, context.workspace(), out, err) : null;
		HostBrowser browser = browsers.open(identity, settings);
		try {
			try {
				browser.model().addListener(events::add);
				browser.start();
			} catch (IOException e) {
				err.println("browse: not listening for announcements (" + e.getMessage() + ")");
				browser.close();
				browser = browsers.open(identity, settings.withListen(false));
				browser.model().addListener(events::add);
				browser.start();
			}
			BrowseModel model = browser.model();
			if (o.request()) {
				browser.requestAnnouncements(wg);
			}
			ServerListResult lists = browser.refreshServerLists(wg);
			lists.problem().ifPresent(p -> err.println("browse: " + p));
			if (!o.scan().isEmpty()) {
				browser.scan(Targets.parse(o.scan()), ScanOptions.defaults().withPort(o.nameServicePort()), hit -> {
				});
			}
			if (o.wins()) {
				try {
					browser.queryWins(wg).forEach(line -> err.println("wins: " + line));
				} catch (IOException e) {
					err.println("browse: " + e.getMessage());
				}
			}
			if (o.announce()) {
				if (!o.json()) {
					out.println("announcing " + identity.name() + " to " + wg + "<1D> on " + identity.interfaces() + "; stop with Ctrl-C");
				}
				while (!context.stopRequested()) {
					BrowseEvent e = events.poll(200, TimeUnit.MILLISECONDS);
					if (e != null) {
						out.println(o.json() ? Json.write(eventJson(e)) : e.toString());
						out.flush();
					}
				}
			} else {
				long deadline = System.nanoTime() + o.listenFor().toNanos();
				while (System.nanoTime() < deadline && !context.stopRequested()) {
					TimeUnit.MILLISECONDS.sleep(Math.min(200, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
				}
			}
			if (o.json()) {
				out.println(Json.write(listJson(model, o.workgroup())));
			} else {
				out.print(table(model, o.workgroup()));
			}
			err.println("browse: " + browser.counters());
		} finally {
			browser.close();
			if (presence != null) {
				presence.close();
			}
		}
		BrowseModel model = browser.model();
		return model.hosts().isEmpty() && model.workgroups().isEmpty() ? 1 : 0;
	}

	/** Receives into the workspace's inbox as the workbench does, printing each pop-up; null (and says why) when it cannot. */
	private AutoCloseable receive(Identity identity, java.nio.file.Path workspace, PrintStream out, PrintStream err) {
		if (reception == null) {
			err.println("browse: not receiving: this installation has no messenger");
			return null;
		}
		try {
			AutoCloseable r = reception.receive(identity, workspace, stored -> {
				var m = stored.message();
				synchronized (out) {
					out.printf("message: %s from %s (%s) to %s: %s%n", m.path().name().toLowerCase(java.util.Locale.ROOT), m.senderName(),
							m.senderAddress().getHostAddress(), m.recipientName(), m.text().replace("\n", " / "));
					out.flush();
				}
			});
			err.println("browse: receiving as " + identity.messengerName() + " on " + identity.interfaces() + " into the inbox of " + workspace);
			return r;
		} catch (IOException e) {
			err.println("browse: not receiving: " + e.getMessage());
			return null;
		}
	}

	static String table(BrowseModel model, Optional<String> only) {
		StringBuilder sb = new StringBuilder();
		sb.append(String.format("%-16s %-16s %s%n", "Workgroup", "Master", "Seen by"));
		sb.append(String.format("%-16s %-16s %s%n", "---------", "------", "-------"));
		for (Workgroup w : model.workgroups()) {
			sb.append(String.format("%-16s %-16s %s%s%n", w.name(),
					w.masterBrowser().orElse("") + w.masterAddress().map(a -> " " + a.getHostAddress()).orElse(""), sources(w.seenBy()),
					w.stale() ? " (stale)" : ""));
		}
		sb.append('\n');
		sb.append(String.format("%-16s %-12s %-16s %-10s %-6s %-12s %-30s %s%n", "Host", "Workgroup", "Address", "User", "OS", "Role",
				"Comment", "Seen by"));
		sb.append(String.format("%-16s %-12s %-16s %-10s %-6s %-12s %-30s %s%n", "----", "---------", "-------", "----", "--", "----",
				"-------", "-------"));
		List<Host> hosts = only.map(w -> model.hosts(w)).orElseGet(model::hosts);
		for (Host h : hosts) {
			sb.append(String.format("%-16s %-12s %-16s %-10s %-6s %-12s %-30s %s%s%n", h.name(), h.workgroup().orElse(""),
					h.addresses().stream().map(Inet4Address::getHostAddress).collect(Collectors.joining(",")), h.user().orElse(""),
					h.osVersion().orElse(""), h.role().name().toLowerCase(java.util.Locale.ROOT), h.comment(), sources(h.seenBy()),
					h.stale() ? " (stale)" : ""));
		}
		return sb.toString();
	}

	private static String sources(Map<org.herald.browser.BrowseSource, java.time.Instant> seen) {
		return seen.keySet().stream().map(s -> s.name().toLowerCase(java.util.Locale.ROOT)).collect(Collectors.joining(","));
	}

	static Map<String, Object> listJson(BrowseModel model, Optional<String> only) {
		List<Object> wgs = new ArrayList<>();
		for (Workgroup w : model.workgroups()) {
			wgs.add(workgroupJson(w));
		}
		List<Object> hosts = new ArrayList<>();
		for (Host h : only.map(w -> model.hosts(w)).orElseGet(model::hosts)) {
			hosts.add(hostJson(h));
		}
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("workgroups", wgs);
		m.put("hosts", hosts);
		return m;
	}

	static Map<String, Object> workgroupJson(Workgroup w) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("name", w.name());
		m.put("master", w.masterBrowser());
		m.put("masterAddress", w.masterAddress().map(Inet4Address::getHostAddress));
		m.put("lastSeen", w.lastSeen().toString());
		m.put("seenBy", w.seenBy().keySet().stream().map(Enum::name).toList());
		m.put("stale", w.stale());
		return m;
	}

	static Map<String, Object> hostJson(Host h) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("name", h.name());
		m.put("workgroup", h.workgroup());
		m.put("addresses", h.addresses().stream().map(Inet4Address::getHostAddress).toList());
		m.put("user", h.user());
		m.put("mac", h.unitId());
		m.put("serverType", h.serverType().isPresent() ? String.format("0x%08X", h.serverType().getAsInt()) : null);
		m.put("services", h.serverType().isPresent() ? ServerType.names(h.serverType().getAsInt()) : List.of());
		m.put("comment", h.comment());
		m.put("os", h.osVersion());
		m.put("role", h.role().name());
		m.put("periodicityMs", h.periodicity().map(Duration::toMillis));
		m.put("lastSeen", h.lastSeen().toString());
		m.put("seenBy", h.seenBy().keySet().stream().map(Enum::name).toList());
		m.put("stale", h.stale());
		return m;
	}

	static Map<String, Object> eventJson(BrowseEvent e) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("event", e.kind().name());
		e.host().ifPresent(h -> m.put("host", hostJson(h)));
		e.workgroup().ifPresent(w -> m.put("workgroup", workgroupJson(w)));
		return m;
	}
}
