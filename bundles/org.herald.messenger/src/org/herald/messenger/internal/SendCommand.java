/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.herald.api.WorkgroupDirectory;
import org.herald.api.cli.CliCommand;
import org.herald.api.cli.CommandContext;
import org.herald.api.cli.Options;
import org.herald.api.cli.ParsedOptions;
import org.herald.api.cli.UsageException;
import org.herald.messenger.CodePageRule;
import org.herald.messenger.CodePageStore;
import org.herald.messenger.CodePages;
import org.herald.messenger.Delivery;
import org.herald.messenger.EncryptionPolicy;
import org.herald.messenger.MessengerPorts;
import org.herald.messenger.NameResolver;
import org.herald.messenger.OutgoingMessage;
import org.herald.messenger.PathChoice;
import org.herald.messenger.PeerChannel;
import org.herald.messenger.Recipient;
import org.herald.messenger.RecipientLists;
import org.herald.messenger.MessageTemplate;
import org.herald.messenger.MessageTemplates;
import org.herald.messenger.TemplateFields;
import org.herald.netbios.NameService;
import org.herald.netbios.datagram.DatagramService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/** {@code herald send}: a pop-up to names, addresses, ranges or the workgroup; one result line each. */
@Component(service = CliCommand.class)
public final class SendCommand implements CliCommand {

	private final NameResolver resolver;
	private final NameService names;
	private final CodePageStore codePages;
	private final DatagramService datagrams;
	private final WorkgroupDirectory directory;

	/** The clock of {date} and {time} (tests set another). */
	java.time.Clock clock = java.time.Clock.systemDefaultZone();

	/** The outbox, when installed: {@code --queue} keeps the recipients that failed for a reason that may heal. */
	@Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC,
			policyOption = ReferencePolicyOption.GREEDY)
	volatile org.herald.messenger.DeliveryFallback fallback;

	/** For tests and embedding: names resolve with {@code resolver}; CP850 for every host. */
	public SendCommand(NameResolver resolver, DatagramService datagrams) {
		this(resolver, CodePageStore.inMemory(CodePages.standard()), datagrams);
	}

	/** For tests and embedding: names resolve with {@code resolver}, code pages come from {@code codePages}. */
	public SendCommand(NameResolver resolver, CodePageStore codePages, DatagramService datagrams) {
		this.resolver = resolver;
		this.names = null;
		this.codePages = codePages;
		this.datagrams = datagrams;
		this.directory = null;
	}

	/**
	 * @param names     the name service; without one, names cannot be resolved (addresses still work)
	 * @param datagrams the process's datagram service: mailslot pop-ups leave through it
	 * @param codePages the code pages (the workspace's preferences in the product)
	 * @param directory a workgroup's members across the site (the browser offers it); without it
	 *                  {@code --domain} is only the broadcast on our own subnets
	 */
	@Activate
	public SendCommand(@Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY) NameService names,
			@Reference DatagramService datagrams, @Reference CodePageStore codePages,
			@Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY) WorkgroupDirectory directory) {
		this.resolver = null;
		this.names = names;
		this.codePages = codePages;
		this.datagrams = datagrams;
		this.directory = directory;
	}

	private NameResolver resolverFor(CommandContext context) {
		if (resolver != null) {
			return resolver;
		}
		if (names != null) {
			return new NameServiceResolver(names, context.identity());
		}
		return name -> {
			throw new IOException("no name service to resolve " + name);
		};
	}

	private static final Options OPTIONS = new Options()
			.optionalValue("--domain", "WG", "also send to every Messenger of the workgroup (default: our own), by mailslot"
					+ " broadcast on each configured interface, like NET SEND /DOMAIN; an H-node (--wins) also sends to each member"
					+ " its master browsers list anywhere on the site, by name")
			.value("--from", "NAME", "the originator name shown (default: our NetBIOS name)")
			.flag("--session", "only the session path (TCP 139, then 445); confirmed delivery")
			.flag("--mailslot", "only the mailslot path (UDP 138, WinPopup); unconfirmed")
			.value("--oem", "CODEPAGE", "the default OEM code page for this run (otherwise the workspace's, CP850 unless set);"
					+ " rules per host, address and workgroup still apply: herald charset")
			.value("--timeout", "SECONDS", "connect and reply timeout (default 5)")
			.value("--parallel", "N", "recipients served at once (default 64)")
			.value("--ports", "S,D,G", "session, direct and datagram ports (default 139,445,138; for tests)")
			.value("--encrypt", "auto|require|never", "Herald peers get the message encrypted (TCP --peer-port, default 1139),"
					+ " others plain (auto); require fails a recipient that is not a Herald peer;"
					+ " without it, the workspace's default (Preferences > Encryption; auto unless set)")
			.value("--peer-port", "P", "the peer port (default 1139; 0: plain only)")
			.value("--template", "NAME", "the text of the workspace's template NAME (herald templates); every operand is then a TARGET")
			.repeatable("--field", "KEY=VALUE", "a value for the template's {KEY}; {date} {time} {host} {user} {workgroup} and {to}"
					+ " (each recipient as given) are filled unless given; a field without a value is an error and nothing is sent")
			.flag("--urgent", "mark it urgent: a flag to Herald peers (shown on top, pops up even in quiet mode), the text"
					+ " prefixed 'URGENT: ' to Windows, Samba and other plain receivers; spam defences apply as to any message")
			.value("--at", "TIME", "do not send now: keep it in the outbox for TIME (HH:MM[:SS] today or tomorrow, or 2026-12-07T18:00);"
					+ " herald listen or the workbench sends it then")
			.value("--every", "DURATION", "repeat every DURATION (30m, 2h, 1d; from --at, or from now) until herald outbox cancel N")
			.flag("--queue", "keep a recipient that is offline (unreachable, refused, name not found) in the outbox and retry it"
					+ " with backoff until delivered or expired: herald outbox");

	@Override
	public String name() {
		return "send";
	}

	@Override
	public String summary() {
		return "send a pop-up message (NET SEND)";
	}

	@Override
	public String usage() {
		return """
				usage: herald send [options] TARGET... [TEXT]
				       herald send [options] --domain[=WG] [TARGET...] [TEXT]
				       herald send [options] --template NAME [--field KEY=VALUE]... TARGET...
				  TARGET   a NetBIOS name (BOB, BOB#03), an IPv4 address, a range (198.51.100.10-20,
				           198.51.100.10-198.51.100.20), a subnet (198.51.100.0/24, host addresses only),
				           a workgroup (/DOMAIN:LAB, as --domain=LAB) or a recipient list (@ADMINS: herald lists)
				  TEXT     the message; without it (or with -) the text is read from standard input
				Options (the path: session, and for a name whose host refuses sessions, mailslot):
				""" + OPTIONS.usageLines() + """

				One line per recipient: TARGET ADDRESS PATH STATUS [REASON] [(DETAIL)].
				Exit status 1 if any recipient failed (with --queue: failed and was not queued), 3 if none failed
				but some were queued for retry. With --at or --every nothing is sent now: one line per recipient,
				TARGET scheduled as #N for TIME, exit 0; herald outbox list shows them as scheduled.""";
	}

	@Override
	public int run(CommandContext context, List<String> args) throws UsageException, Exception {
		ParsedOptions o = OPTIONS.parse(args);
		String from = o.string("--from").orElse(context.identity().name());
		PathChoice path = PathChoice.AUTO;
		if (o.has("--session")) {
			path = choose(path, PathChoice.SESSION);
		}
		if (o.has("--mailslot")) {
			path = choose(path, PathChoice.MAILSLOT);
		}
		List<Recipient> recipients = new ArrayList<>();
		String oem = o.string("--oem").orElse(null);
		int timeout = o.integer("--timeout", 1, 600, 5);
		int parallel = o.integer("--parallel", 1, 4096, 64);
		MessengerPorts ports = o.has("--ports") ? ListenCommand.ports(o.string("--ports").orElseThrow()) : MessengerPorts.STANDARD;
		int peerPort = o.integer("--peer-port", 0, 65535, PeerChannel.DEFAULT_PORT);
		EncryptionPolicy encrypt = o.has("--encrypt") ? policy(o.string("--encrypt").orElseThrow()) : null; // null: the workspace's default
		boolean domain = o.has("--domain");
		boolean urgent = o.has("--urgent");
		if ((o.has("--at") || o.has("--every")) && fallback == null) {
			throw new UsageException("--at/--every: no outbox in this installation (bundle org.herald.outbox)");
		}
		if ((o.has("--at") || o.has("--every")) && o.has("--queue")) {
			throw new UsageException("--queue is for a send now; a scheduled send is kept in the outbox anyway");
		}
		if (o.has("--queue") && fallback == null) {
			throw new UsageException("--queue: no outbox in this installation (bundle org.herald.outbox)");
		}
		SendTimes.When when = scheduled(o); // before the text is read or a name looked up: a wrong time sends nothing
		for (String wg : o.all("--domain")) {
			recipients.add(wg.isEmpty() ? new Recipient.Workgroup(context.identity().workgroup()) : workgroup(wg));
		}
		List<String> pos = o.operands();
		int targets = pos.size();
		String text = null;
		MessageTemplate template = null;
		if (o.has("--template")) {
			template = template(context, o.string("--template").orElseThrow());
		} else if (!o.all("--field").isEmpty()) {
			throw new UsageException("--field fills a template's {KEY}: give --template NAME");
		} else if (pos.size() >= (domain ? 1 : 2) && !"-".equals(pos.get(pos.size() - 1))) {
			text = pos.get(pos.size() - 1);
			targets--;
		} else {
			if (!pos.isEmpty() && "-".equals(pos.get(pos.size() - 1))) {
				targets--;
			}
			text = readText(context);
		}
		recipients.addAll(targets(context, pos.subList(0, targets)));
		if (recipients.isEmpty()) {
			throw new UsageException("no target: give a name, an address, a range, @LIST or --domain");
		}
		List<OutgoingMessage> messages = template != null
				? filled(template, fields(template, context, o.all("--field"), when), new OutgoingMessage(from, recipients, "-", path, urgent))
				: List.of(new OutgoingMessage(from, SiteRecipients.expand(recipients, directory, context.identity(), context.err()), text, path, urgent));
		if (messages.stream().anyMatch(m -> m.text().isEmpty())) {
			throw new UsageException("no text to send");
		}
		if (template != null) {
			List<OutgoingMessage> expanded = new ArrayList<>();
			for (OutgoingMessage m : messages) {
				expanded.add(m.withRecipients(SiteRecipients.expand(m.recipients(), directory, context.identity(), context.err())));
			}
			messages = expanded;
		}
		if (when != null) {
			return schedule(context, when, messages);
		}
		CodePages pages = withDefault(codePages.load(), oem);
		NameResolver resolver = resolverFor(context);
		MessengerSender sender = new MessengerSender(context.identity(), resolver, ports, PeerCharsets.of(() -> pages),
				Duration.ofSeconds(timeout), Duration.ofSeconds(timeout), parallel, datagrams);
		PeerChannel peers = new PeerChannel(context.workspace(), encrypt != null ? encrypt : EncryptionPolicy.workspaceDefault(), peerPort);
		boolean failed = false;
		boolean queued = false;
		try {
			RoutingSender routing = new RoutingSender(context.identity(), peers, resolver, sender, Duration.ofSeconds(timeout), PeerDiscovery.PROCESS);
			for (OutgoingMessage sent : messages) {
				List<Delivery> results;
				try {
					results = routing.send(sent);
				} catch (java.io.UncheckedIOException e) {
					throw e.getCause();
				}
				for (Delivery d : results) {
					String line = d.line();
					java.util.Optional<String> kept = d.failed() && o.has("--queue") ? keep(context, sent, d) : java.util.Optional.empty();
					context.out().println(kept.map(k -> line + " " + k).orElse(line));
					queued |= kept.isPresent();
					failed |= d.failed() && kept.isEmpty();
				}
			}
		} finally {
			if (resolver instanceof AutoCloseable c) {
				c.close();
			}
		}
		context.out().flush();
		return failed ? 1 : queued ? 3 : 0;
	}

	/** {@code --at} and {@code --every} as given, or null for a send now. */
	private SendTimes.When scheduled(ParsedOptions o) throws UsageException {
		if (!o.has("--at") && !o.has("--every")) {
			return null;
		}
		try {
			java.util.Optional<Duration> every = o.has("--every") ? java.util.Optional.of(SendTimes.every(o.string("--every").orElseThrow()))
					: java.util.Optional.empty();
			java.time.Instant at = o.has("--at") ? SendTimes.at(o.string("--at").orElseThrow(), clock) : clock.instant();
			return new SendTimes.When(at, every);
		} catch (IllegalArgumentException e) {
			throw new UsageException(e.getMessage());
		}
	}

	/** {@code --at}/{@code --every}: stored in the outbox, one line per recipient; herald listen and the workbench send them. */
	private int schedule(CommandContext context, SendTimes.When when, List<OutgoingMessage> messages) throws UsageException, IOException {
		org.herald.messenger.DeliveryFallback f = fallback;
		if (f == null) {
			throw new UsageException("--at: the outbox went away");
		}
		try {
			for (OutgoingMessage m : messages) {
				for (String line : f.schedule(context.workspace(), context.identity(), m, when.at(), when.every())) {
					context.out().println(line);
				}
			}
		} catch (IllegalArgumentException e) {
			throw new UsageException(e.getMessage());
		}
		context.out().println("sent by herald listen or the workbench on this workspace when due; herald outbox list, cancel N");
		context.out().flush();
		return 0;
	}

	private static MessageTemplate template(CommandContext context, String name) throws UsageException, IOException {
		try {
			return MessageTemplates.in(context.workspace()).get(name);
		} catch (IllegalArgumentException e) {
			throw new UsageException("--template: " + e.getMessage());
		}
	}

	/**
	 * The values for {@code template}: the built-in fields, then {@code --field KEY=VALUE} over them. A field the
	 * template lacks, or one of the template's without a value ({@code {to}} aside, which is per recipient), is a
	 * usage error: nothing is sent.
	 */
	Map<String, String> fields(MessageTemplate template, CommandContext context, List<String> given) throws UsageException {
		return fields(template, context, given, null);
	}

	/**
	 * For a scheduled send ({@code when}), {@code {date}} and {@code {time}} are those of its time; a repeat
	 * would carry the first occurrence's to every later one, so a repeating template may not use them
	 * unless given by {@code --field}.
	 */
	Map<String, String> fields(MessageTemplate template, CommandContext context, List<String> given, SendTimes.When when)
			throws UsageException {
		Map<String, String> values = new LinkedHashMap<>(
				TemplateFields.of(context.identity(), when == null ? clock : java.time.Clock.fixed(when.at(), clock.getZone())));
		Set<String> used = new java.util.HashSet<>(template.fields());
		if (when != null && when.every().isPresent()) {
			List<String> dated = new ArrayList<>();
			for (String f : List.of("date", "time")) {
				if (used.contains(f) && given.stream().noneMatch(g -> g.strip().toLowerCase(java.util.Locale.ROOT).startsWith(f + "="))) {
					dated.add(f);
				}
			}
			if (!dated.isEmpty()) {
				throw new UsageException("--every: the template " + template.name() + " uses " + MessageTemplate.braces(dated)
						+ ", which would be the first occurrence's every time; give --field or use a template without them");
			}
		}
		for (String f : given) {
			int eq = f.indexOf('=');
			String key = eq < 0 ? f : f.substring(0, eq).strip().toLowerCase(java.util.Locale.ROOT);
			if (eq <= 0) {
				throw new UsageException("--field wants KEY=VALUE, not '" + f + "'");
			}
			if (!used.contains(key)) {
				throw new UsageException("--field " + key + ": the template " + template.name() + " has no {" + key + "}"
						+ (used.isEmpty() ? "" : "; its fields are " + MessageTemplate.braces(template.fields())));
			}
			values.put(key, f.substring(eq + 1));
		}
		List<String> missing = new ArrayList<>(template.missing(values));
		missing.remove(TemplateFields.TO);
		if (!missing.isEmpty()) {
			throw new UsageException("the template " + template.name() + " needs " + MessageTemplate.braces(missing) + ": give "
					+ String.join(" ", missing.stream().map(m -> "--field " + m + "=VALUE").toList()) + "; nothing was sent");
		}
		return values;
	}

	/** One message for all, or, when the text names {@code {to}} (and no --field gave it), one per recipient. */
	static List<OutgoingMessage> filled(MessageTemplate template, Map<String, String> values, OutgoingMessage message) {
		if (values.containsKey(TemplateFields.TO) || !template.fields().contains(TemplateFields.TO)) {
			return List.of(message.withText(template.fill(values)));
		}
		List<OutgoingMessage> each = new ArrayList<>();
		for (Recipient r : message.recipients()) {
			Map<String, String> v = new LinkedHashMap<>(values);
			v.put(TemplateFields.TO, TemplateFields.to(r));
			each.add(message.withRecipients(List.of(r)).withText(template.fill(v)));
		}
		return each;
	}

	/** The targets as recipients, each list ({@code @NAME}) expanded into its members (said on stderr), each recipient once. */
	static List<Recipient> targets(CommandContext context, List<String> targets) throws UsageException, IOException {
		java.util.Set<Recipient> out = new java.util.LinkedHashSet<>();
		RecipientLists lists = RecipientLists.in(context.workspace());
		for (String t : targets) {
			try {
				if (RecipientLists.isList(t)) {
					RecipientLists.Expansion e = lists.expand(List.of(t));
					e.lists().forEach((list, members) -> context.err().println("send: " + list + ": " + String.join(", ", members)));
					out.addAll(e.recipients());
				} else {
					out.add(Recipient.parse(t));
				}
			} catch (IllegalArgumentException e) {
				throw new UsageException(RecipientLists.isList(t) ? e.getMessage() : "bad target '" + t + "': " + e.getMessage());
			}
		}
		return new ArrayList<>(out);
	}

	private java.util.Optional<String> keep(CommandContext context, OutgoingMessage message, Delivery d) throws IOException, UsageException {
		org.herald.messenger.DeliveryFallback f = fallback;
		if (f == null) {
			throw new UsageException("--queue: the outbox went away");
		}
		return f.keep(context.workspace(), context.identity(), message, d);
	}

	private static EncryptionPolicy policy(String word) throws UsageException {
		try {
			return EncryptionPolicy.parse(word);
		} catch (IllegalArgumentException e) {
			throw new UsageException("--encrypt takes auto, require or never, not " + word);
		}
	}

	/** {@code pages} with the default replaced by the code page {@code --oem} named, if one did. */
	static CodePages withDefault(CodePages pages, String oem) throws UsageException {
		if (oem == null) {
			return pages;
		}
		try {
			return pages.withDefault(CodePageRule.codePage(oem));
		} catch (IllegalArgumentException e) {
			throw new UsageException("--oem: " + e.getMessage());
		}
	}

	private static PathChoice choose(PathChoice current, PathChoice wanted) throws UsageException {
		if (current != PathChoice.AUTO && current != wanted) {
			throw new UsageException("--session and --mailslot exclude each other");
		}
		return wanted;
	}

	private static Recipient workgroup(String name) throws UsageException {
		try {
			return new Recipient.Workgroup(name);
		} catch (IllegalArgumentException e) {
			throw new UsageException("bad workgroup '" + name + "': " + e.getMessage());
		}
	}

	/** Standard input as UTF-8, without one final line end (what echo adds). */
	private static String readText(CommandContext context) throws IOException {
		String s = new String(context.in().readAllBytes(), StandardCharsets.UTF_8);
		if (s.endsWith("\r\n")) {
			return s.substring(0, s.length() - 2);
		}
		if (s.endsWith("\n")) {
			return s.substring(0, s.length() - 1);
		}
		return s;
	}
}
