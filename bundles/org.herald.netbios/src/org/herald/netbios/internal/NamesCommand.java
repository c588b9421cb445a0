/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.netbios.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.net.Inet4Address;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.herald.api.cli.Json;
import org.herald.api.BindInterface;
import org.herald.api.Identity;
import org.herald.api.NetbiosName;
import org.herald.api.Routes;
import org.herald.api.cli.CliCommand;
import org.herald.api.cli.CommandContext;
import org.herald.api.cli.ParsedOptions;
import org.herald.api.cli.UsageException;
import org.herald.netbios.NameEvent;
import org.herald.netbios.NameRecord;
import org.herald.netbios.NameResponder;
import org.herald.netbios.NameResponderFactory;
import org.herald.netbios.NameTableEntry;
import org.herald.netbios.NodeStatus;
import org.herald.netbios.QueryTarget;
import org.herald.netbios.ResponderCounters;
import org.herald.netbios.ResponderOptions;
import org.herald.netbios.wire.NodeStatusEntry;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code herald names}: name queries and node status like {@code nmblookup}, and a foreground
 * responder. Output follows nmblookup's, or one JSON object per line with {@code --json}.
 */
@Component(service = CliCommand.class)
public final class NamesCommand implements CliCommand {

	private static final String USAGE = """
			herald names query NAME[#XX] [--bcast ADDR | --host IP | --wins IP] [--port N] [--json]
			    Looks NAME up (suffix XX in hex, default 00): by broadcast on each configured interface
			    (or the one whose broadcast address is ADDR), directly at a host, or at a WINS server.
			    Without a target an H-node (identity option --wins) asks its WINS server first, then broadcasts.
			    With no interfaces configured, --host and --wins (and names status) go out from the
			    address the routing table uses for IP, named on stderr.
			herald names status IP [--port N] [--json]
			    Asks IP for its name table (node status), like nmblookup -A.
			herald names serve [--port N] [--ttl SECONDS] [--alias NAME]... [--no-messenger] [--json]
			    Registers NAME<00>, NAME<03>, WORKGROUP<00> (and each NAME<03> of --alias) on the configured
			    interfaces, answers for them until stopped, then releases them. With --wins, registers
			    with that WINS server (H-node); else by broadcast (B-node). --no-messenger leaves NAME<03>
			    out, as a host whose Messenger service is stopped.
			herald names survey [--port N] [--json]
			    Says which workgroup and WINS server to join: asks each configured interface's subnet for
			    its local master browsers (__MSBROWSE__ by broadcast, then their node status), reads this
			    machine's Samba configuration and DHCP leases, and asks each WINS server found that is
			    reached through a configured interface. Ends with the identity options to use. Without
			    interfaces it only reads the configuration and sends nothing.
			Identity options (--name --workgroup --interfaces IP/PREFIX --wins IP) come before the command.
			Exit status: 0 found / done, 1 not found or failed, 2 wrong arguments.
			Options:
			""";

	private static final org.herald.api.cli.Options OPTIONS = new org.herald.api.cli.Options()
			.value("--bcast", "ADDR", "query: by broadcast on the interface whose broadcast address is ADDR")
			.value("--host", "IP", "query: directly at a host")
			.value("--wins", "IP", "query: at a WINS server")
			.value("--port", "N", "the name service port (default 137)")
			.value("--ttl", "SECONDS", "serve: the time to live of the registrations (default three days)")
			.repeatable("--alias", "NAME", "serve: also register NAME<03>")
			.flag("--no-messenger", "serve: leave NAME<03> out, as a host whose Messenger service is stopped")
			.flag("--json", "one JSON object per line");

	private final NameResponderFactory responders;

	/** Outside OSGi (the dev runner, tests): starts responders of its own. */
	public NamesCommand() {
		this(new NbnsResponderFactory());
	}

	@Activate
	public NamesCommand(@Reference NameResponderFactory responders) {
		this.responders = responders;
	}

	@Override
	public String name() {
		return "names";
	}

	@Override
	public String summary() {
		return "NetBIOS names: query, node status, serve (like nmblookup)";
	}

	@Override
	public String usage() {
		return USAGE + OPTIONS.usageLines();
	}

	/** The parsed options of one invocation. */
	private record Options(String verb, String operand, Optional<QueryTarget> target, int port, boolean json, long ttl, boolean messenger,
			List<NetbiosName> aliases) {
	}

	static Options parse(List<String> args) throws UsageException {
		if (args.isEmpty()) {
			throw new UsageException("names needs a subcommand: query, status, serve or survey");
		}
		String verb = args.get(0);
		ParsedOptions p = OPTIONS.parse(args.subList(1, args.size()));
		QueryTarget target = null;
		for (String a : List.of("--bcast", "--host", "--wins")) {
			if (!p.has(a)) {
				continue;
			}
			if (target != null) {
				throw new UsageException("give only one of --bcast, --host, --wins");
			}
			Inet4Address ip = ip(p.string(a).orElseThrow(), a);
			target = switch (a) {
				case "--bcast" -> new QueryTarget.Broadcast(ip);
				case "--host" -> new QueryTarget.Host(ip);
				default -> new QueryTarget.Wins(ip);
			};
		}
		int port = p.integer("--port", 1, 65535, ClientSettings.NAME_SERVICE_PORT);
		boolean json = p.has("--json");
		boolean messenger = !p.has("--no-messenger");
		long ttl = p.has("--ttl") ? p.integer("--ttl", 1, Integer.MAX_VALUE, 0) : ResponderSettings.THREE_DAYS;
		List<NetbiosName> aliases = new ArrayList<>();
		for (String alias : p.all("--alias")) {
			aliases.add(name(alias, NetbiosName.MESSENGER));
		}
		if (p.operands().size() > 1) {
			throw new UsageException("unexpected argument '" + p.operands().get(1) + "'");
		}
		String operand = p.operands().isEmpty() ? null : p.operands().get(0);
		switch (verb) {
			case "query" -> {
				if (operand == null) {
					throw new UsageException("names query needs a NAME");
				}
				name(operand, 0);
			}
			case "status" -> {
				if (operand == null) {
					throw new UsageException("names status needs an IP address");
				}
				ip(operand, "status");
				if (target != null) {
					throw new UsageException("names status takes no --bcast/--host/--wins");
				}
			}
			case "serve" -> {
				if (operand != null || target != null) {
					throw new UsageException("names serve takes no name or target (use --wins before the command for WINS)");
				}
			}
			case "survey" -> {
				if (operand != null || target != null) {
					throw new UsageException("names survey takes no name or target: it asks the configured interfaces' subnets");
				}
			}
			default -> throw new UsageException("unknown subcommand '" + verb + "': use query, status, serve or survey");
		}
		return new Options(verb, operand, Optional.ofNullable(target), port, json, ttl, messenger, aliases);
	}

	private static Inet4Address ip(String s, String what) throws UsageException {
		try {
			return BindInterface.parseIpv4(s);
		} catch (IllegalArgumentException e) {
			throw new UsageException(what + ": " + e.getMessage());
		}
	}

	private static NetbiosName name(String s, int defaultSuffix) throws UsageException {
		try {
			return NetbiosName.parse(s, defaultSuffix);
		} catch (IllegalArgumentException e) {
			throw new UsageException(e.getMessage());
		}
	}

	@Override
	public int run(CommandContext context, List<String> args) throws UsageException, Exception {
		Options o = parse(args);
		Identity identity = context.identity();
		if (o.verb().equals("survey")) {
			try (NbnsClient client = new NbnsClient(identity, ClientSettings.defaults().withRemotePort(o.port()))) {
				return SurveyOutput.print(identity, new NeighbourhoodSurvey(client).survey(identity.interfaces()), o.json(), context.out());
			}
		}
		if (identity.interfaces().isEmpty()) {
			identity = routedOrRefused(identity, o, context.err());
		}
		return switch (o.verb()) {
			case "query" -> query(identity, o, context.out(), context.err());
			case "status" -> status(identity, o, context.out(), context.err());
			default -> serve(identity, o, context);
		};
	}

	/** A unicast query or node status goes out on the routing table's choice; broadcasts and serve need interfaces. */
	private static Identity routedOrRefused(Identity identity, Options o, PrintStream err) throws UsageException, IOException {
		Optional<Inet4Address> unicast = switch (o.verb()) {
			case "status" -> Optional.of(BindInterface.parseIpv4(o.operand()));
			case "query" -> o.target().filter(t -> !(t instanceof QueryTarget.Broadcast)).map(QueryTarget::address);
			default -> Optional.empty();
		};
		if (unicast.isEmpty()) {
			throw new UsageException("no interfaces configured: give --interfaces IP/PREFIX"
					+ ("query".equals(o.verb()) ? " (or query one host with --host IP)" : ""));
		}
		Identity routed = identity.orRoutedTo(List.of(unicast.get()));
		err.println("names: " + Routes.describe(routed, List.of(unicast.get())));
		return routed;
	}

	private int query(Identity identity, Options o, PrintStream out, PrintStream err) throws IOException {
		NetbiosName name = NetbiosName.parse(o.operand(), 0);
		List<QueryTarget> targets = new ArrayList<>();
		if (o.target().isPresent()) {
			targets.add(o.target().get());
		} else {
			// As an H-node resolves: the identity's WINS server first, broadcast only if it had no answer.
			identity.wins().ifPresent(w -> targets.add(new QueryTarget.Wins(w)));
			identity.interfaces().forEach(i -> targets.add(new QueryTarget.Broadcast(i.broadcast())));
		}
		List<NameRecord> found = new ArrayList<>();
		try (NbnsClient client = new NbnsClient(identity, ClientSettings.defaults().withRemotePort(o.port()))) {
			for (QueryTarget t : targets) {
				if (!o.json()) {
					out.println("querying " + name.name() + " on " + t.address().getHostAddress());
				}
				found.addAll(client.query(name, t));
				if (!found.isEmpty() && t instanceof QueryTarget.Wins && o.target().isEmpty()) {
					break;
				}
			}
		} catch (IllegalArgumentException e) {
			err.println("names: " + e.getMessage());
			return 1;
		}
		if (o.json()) {
			List<Object> list = new ArrayList<>();
			for (NameRecord r : found) {
				Map<String, Object> m = new LinkedHashMap<>();
				m.put("address", r.address().getHostAddress());
				m.put("group", r.group());
				m.put("nodeType", r.nodeType().name());
				m.put("ttl", r.ttlSeconds());
				m.put("answeredBy", r.answeredBy().getHostAddress());
				list.add(m);
			}
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("name", name.toString());
			m.put("found", list);
			out.println(Json.write(m));
		} else if (found.isEmpty()) {
			out.println("name_query failed to find name " + name.name() + (name.suffix() == 0 ? "" : String.format("#%02x", name.suffix())));
		} else {
			found.forEach(r -> out.println(r.address().getHostAddress() + " " + name));
		}
		return found.isEmpty() ? 1 : 0;
	}

	private int status(Identity identity, Options o, PrintStream out, PrintStream err) throws IOException {
		Inet4Address ip = BindInterface.parseIpv4(o.operand());
		Optional<NodeStatus> status;
		try (NbnsClient client = new NbnsClient(identity, ClientSettings.defaults().withRemotePort(o.port()))) {
			if (!o.json()) {
				out.println("Looking up status of " + ip.getHostAddress());
			}
			status = client.nodeStatus(ip);
		}
		if (status.isEmpty()) {
			if (o.json()) {
				out.println(Json.write(Map.of("address", ip.getHostAddress(), "names", List.of())));
			} else {
				out.println("No reply from " + ip.getHostAddress());
			}
			return 1;
		}
		if (o.json()) {
			out.println(Json.write(statusJson(status.get())));
		} else {
			out.print(statusTable(status.get()));
		}
		return 0;
	}

	/** nmblookup -A's table: name, suffix, group, node type, flags, then the MAC address. */
	static String statusTable(NodeStatus s) {
		StringBuilder sb = new StringBuilder();
		for (NodeStatusEntry e : s.names()) {
			sb.append(String.format("\t%-15s <%02x> - %s %s ", printable(e.name()), e.suffix(), e.group() ? "<GROUP>" : "       ",
					e.nodeType().name()));
			if (e.deregistering()) {
				sb.append("<DEREGISTERING> ");
			}
			if (e.conflict()) {
				sb.append("<CONFLICT> ");
			}
			if (e.active()) {
				sb.append("<ACTIVE> ");
			}
			if (e.permanent()) {
				sb.append("<PERMANENT> ");
			}
			sb.append('\n');
		}
		sb.append("\n\tMAC Address = ").append(s.macAddress()).append("\n\n");
		return sb.toString();
	}

	/** Control characters (as in \u0001\u0002__MSBROWSE__\u0002) print as dots, as nmblookup does. */
	private static String printable(String name) {
		StringBuilder sb = new StringBuilder(name.length());
		name.chars().forEach(c -> sb.append(c < 0x20 || c == 0x7f ? '.' : (char) c));
		return sb.toString();
	}

	private static Map<String, Object> statusJson(NodeStatus s) {
		List<Object> names = new ArrayList<>();
		for (NodeStatusEntry e : s.names()) {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("name", e.name());
			m.put("suffix", String.format("%02X", e.suffix()));
			m.put("group", e.group());
			m.put("nodeType", e.nodeType().name());
			m.put("active", e.active());
			m.put("conflict", e.conflict());
			m.put("deregistering", e.deregistering());
			m.put("permanent", e.permanent());
			names.add(m);
		}
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("address", s.address().getHostAddress());
		m.put("names", names);
		m.put("mac", s.macAddress());
		return m;
	}

	private int serve(Identity identity, Options o, CommandContext context) throws Exception {
		PrintStream out = context.out();
		BlockingQueue<NameEvent> events = new LinkedBlockingQueue<>();
		NameResponder responder;
		try {
			ResponderOptions ro = new ResponderOptions(o.port(), o.ttl());
			responder = responders.start(identity, o.messenger() ? ro : ro.withoutMessenger(), events::add);
		} catch (IOException e) {
			context.err().println("names: " + e.getMessage());
			return 1;
		}
		try {
			if (!o.json()) {
				out.println("serving " + identity.interfaces() + " port " + o.port()
						+ identity.wins().map(w -> " with WINS " + w.getHostAddress()).orElse(" by broadcast") + "; stop with Ctrl-C");
				out.flush();
			}
			for (NetbiosName alias : o.aliases()) {
				responder.addAlias(alias);
			}
			while (!context.stopRequested()) {
				NameEvent e = events.poll(200, TimeUnit.MILLISECONDS);
				if (e != null) {
					print(e, o.json(), out);
				}
			}
		} finally {
			responder.stop();
			for (NameEvent e; (e = events.poll()) != null;) {
				print(e, o.json(), out);
			}
		}
		ResponderCounters c = responder.counters();
		if (o.json()) {
			out.println(Json.write(Map.of("received", c.received(), "answered", c.answered(), "malformed", c.malformed(),
					"defended", c.defended())));
		} else {
			out.println("stopped: received " + c.received() + ", answered " + c.answered() + ", malformed " + c.malformed()
					+ ", defended " + c.defended());
		}
		out.flush();
		boolean anyConflict = responder.names().stream().map(NameTableEntry::state).anyMatch(s -> s == org.herald.netbios.NameState.CONFLICT);
		return anyConflict ? 1 : 0;
	}

	private static void print(NameEvent e, boolean json, PrintStream out) {
		if (json) {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("time", e.time().toString());
			m.put("event", e.kind().name());
			m.put("name", e.name().toString());
			m.put("peer", e.peer().map(Inet4Address::getHostAddress).orElse(null));
			m.put("message", e.message());
			out.println(Json.write(m));
		} else {
			out.println(e);
		}
		out.flush();
	}
}
