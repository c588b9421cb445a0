/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.inbox.internal;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.herald.api.MessageFlag;
import org.herald.api.SessionLimits;
import org.herald.api.StoredMessage;
import org.herald.api.cli.CliCommand;
import org.herald.api.cli.CommandContext;
import org.herald.api.cli.UsageException;
import org.herald.inbox.ExportFormat;
import org.herald.inbox.Inbox;
import org.herald.inbox.InboxPage;
import org.herald.inbox.InboxQuery;
import org.herald.inbox.InboxService;
import org.herald.inbox.SenderPattern;
import org.herald.inbox.SpamCounters;
import org.herald.inbox.SpamPolicy;
import org.herald.inbox.SpamRule;
import org.herald.inbox.SpamSettings;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code herald inbox ...}: list, search, show and export messages; edit the spam policy. */
@Component(service = CliCommand.class)
public final class InboxCommand implements CliCommand {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

	@Reference
	private InboxService inboxes;

	private ZoneId zone = ZoneId.systemDefault();

	public InboxCommand() {
		// for DS
	}

	/** For tests: a given service, and times shown in {@code zone}. */
	InboxCommand(InboxService inboxes, ZoneId zone) {
		this.inboxes = inboxes;
		this.zone = zone;
	}

	@Override
	public String name() {
		return "inbox";
	}

	@Override
	public String summary() {
		return "list, search, show and export received messages; block, allow and trust senders; compact the file";
	}

	@Override
	public String usage() {
		return """
				herald inbox list [--unread] [--limit N] [--before ID] [--json]
				herald inbox search WORDS... [--from SENDER] [--since TIME] [--until TIME] [--limit N] [--before ID] [--json]
				herald inbox show ID [--json]           (marks it read)
				herald inbox export [--format csv|json] [FILE]   (to standard output without FILE)
				herald inbox block|allow NAME|IP|CIDR   (a sender is on one list at most)
				herald inbox trust IP|CIDR              (its senders are not quarantined)
				herald inbox unblock NAME|IP|CIDR       (takes it off every list)
				herald inbox policy [--flood N/SECONDS|off] [--store-blocked on|off] [--quarantine on|off]
				                    [--idle-timeout SECONDS] [--sessions-per-address N] [--sessions N]
				                                        (sessions: TCP 139/445 open at once per source address and in all)
				herald inbox compact                    (rewrites the file to its live data; the inbox must not be open elsewhere)
				TIME is 2026-01-05T09:00:00Z, 2026-01-05T10:00 (local) or 2026-01-05 (local midnight).
				Pages are newest first; a listing ends with the --before ID of the next page.
				Flags: R repaired, Q quarantined, B blocked, E encrypted, U urgent; * marks unread.""";
	}

	@Override
	public int run(CommandContext context, List<String> args) throws Exception {
		if (args.isEmpty()) {
			throw new UsageException("say what to do: list, search, show, export, block, allow, trust, unblock, policy or compact");
		}
		Args a = new Args(args.subList(1, args.size()));
		String verb = args.get(0);
		boolean json = a.flag("--json");
		if (json && !List.of("list", "search", "show").contains(verb)) {
			throw new UsageException("--json is for list, search and show");
		}
		if (verb.equals("compact")) {
			if (!a.rest().isEmpty()) {
				throw new UsageException("compact takes no arguments: " + a.rest());
			}
			InboxDatabase.Compacted done = InboxDatabase.compact(context.workspace());
			context.out().printf(Locale.ROOT, "compacted the inbox: %s before, %s after (%.1f s)%n", size(done.bytesBefore()),
					size(done.bytesAfter()), done.took().toMillis() / 1000.0);
			return 0;
		}
		Inbox inbox = null;
		switch (verb) {
		case "list", "search", "show", "export", "block", "allow", "trust", "unblock", "policy" -> inbox = inboxes.open(context.workspace(),
				context.identity());
		default -> throw new UsageException("unknown inbox command '" + verb + "'");
		}
		PrintStream out = context.out();
		return switch (verb) {
		case "list" -> {
			InboxQuery q = a.query(InboxQuery.all().withRead(a.flag("--unread") ? InboxQuery.ReadFilter.UNREAD : InboxQuery.ReadFilter.ANY));
			if (!a.rest().isEmpty()) {
				throw new UsageException("list takes no arguments besides its options: " + a.rest());
			}
			yield list(inbox, json, out, q);
		}
		case "search" -> {
			InboxQuery q = InboxQuery.all();
			String from = a.value("--from");
			if (from != null) {
				q = q.withSender(from);
			}
			String since = a.value("--since");
			if (since != null) {
				q = q.withSince(time(since));
			}
			String until = a.value("--until");
			if (until != null) {
				q = q.withUntil(time(until));
			}
			q = a.query(q);
			List<String> words = a.rest();
			if (words.isEmpty() && from == null && since == null && until == null) {
				throw new UsageException("search for what? give words, --from, --since or --until");
			}
			if (!words.isEmpty()) {
				q = q.withWords(String.join(" ", words));
			}
			try {
				yield list(inbox, json, out, q);
			} catch (IllegalArgumentException e) {
				throw new UsageException(e.getMessage());
			}
		}
		case "show" -> show(inbox, a, json, context);
		case "export" -> export(inbox, a, out);
		case "block", "allow", "trust" -> rule(inbox, SpamRule.RuleList.valueOf(verb.toUpperCase(Locale.ROOT)), a, out);
		case "unblock" -> {
			SenderPattern p = pattern(a.single("a name, an IP address or a subnet"));
			out.println(inbox.removeRule(p) ? "removed " + p + " from the lists" : p + " was on no list");
			yield 0;
		}
		case "policy" -> policy(inbox, a, out);
		default -> throw new IllegalStateException(verb);
		};
	}

	private static String size(long bytes) {
		return bytes < 10L << 20 ? String.format(Locale.ROOT, "%,d KB", (bytes + 1023) >> 10) : String.format(Locale.ROOT, "%,d MB", bytes >> 20);
	}

	private int list(Inbox inbox, boolean json, PrintStream out, InboxQuery q) throws IOException {
		InboxPage page = inbox.page(q);
		if (json) {
			out.println("{\"messages\": [");
			for (int i = 0; i < page.messages().size(); i++) {
				out.print(Exporter.json(page.messages().get(i)));
				out.println(i + 1 < page.messages().size() ? "," : "");
			}
			out.println("], \"next\": " + (page.next().isPresent() ? page.next().getAsLong() : "null") + "}");
			return 0;
		}
		if (page.messages().isEmpty()) {
			out.println("no messages");
			return 0;
		}
		out.printf("  %8s  %-19s  %-15s  %-15s  %-5s  %s%n", "ID", "RECEIVED", "FROM", "ADDRESS", "FLAGS", "TEXT");
		for (StoredMessage m : page.messages()) {
			var r = m.message();
			out.printf("%s %8d  %-19s  %-15s  %-15s  %-5s  %s%n", m.read() ? " " : "*", m.id(), TIME.format(r.received().atZone(zone)),
					clip(r.senderName(), 15), r.senderAddress().getHostAddress(), letters(m), clip(r.text().replace('\n', ' '), 60));
		}
		if (page.next().isPresent()) {
			out.println("more: --before " + page.next().getAsLong());
		}
		return 0;
	}

	private int show(Inbox inbox, Args a, boolean json, CommandContext context) throws IOException, UsageException {
		long id = a.number(a.single("a message id"), "message id");
		var found = inbox.get(id);
		if (found.isEmpty()) {
			context.err().println("no message " + id);
			return 1;
		}
		PrintStream out = context.out();
		inbox.markRead(List.of(id), true);
		StoredMessage m = found.get();
		if (json) {
			out.println(Exporter.json(m).strip());
			return 0;
		}
		var r = m.message();
		out.println("Message " + m.id() + (m.flags().isEmpty() ? "" : "  [" + Exporter.flags(m) + "]"));
		out.println("From:     " + r.senderName() + " (" + r.senderAddress().getHostAddress() + ")");
		out.println("To:       " + r.recipientName());
		out.println("Received: " + TIME.format(r.received().atZone(zone)) + " via " + r.path().name().toLowerCase(Locale.ROOT));
		out.println();
		out.println(r.text());
		return 0;
	}

	private int export(Inbox inbox, Args a, PrintStream out) throws IOException, UsageException {
		String format = a.value("--format");
		ExportFormat f;
		try {
			f = format == null ? ExportFormat.CSV : ExportFormat.valueOf(format.toUpperCase(Locale.ROOT));
		} catch (IllegalArgumentException e) {
			throw new UsageException("export format must be csv or json, not '" + format + "'");
		}
		List<String> rest = a.rest();
		if (rest.size() > 1) {
			throw new UsageException("export takes at most one file");
		}
		a.done();
		if (rest.isEmpty()) {
			Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
			inbox.export(InboxQuery.all(), f, w);
			w.flush();
			return 0;
		}
		Path file = Path.of(rest.get(0));
		long n;
		try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			n = inbox.export(InboxQuery.all(), f, w);
		}
		out.println("exported " + n + " messages to " + file);
		return 0;
	}

	private int rule(Inbox inbox, SpamRule.RuleList list, Args a, PrintStream out) throws IOException, UsageException {
		SenderPattern p = pattern(a.single("a name, an IP address or a subnet"));
		SpamRule rule;
		try {
			rule = new SpamRule(list, p);
		} catch (IllegalArgumentException e) {
			throw new UsageException(e.getMessage());
		}
		String verb = list.name().toLowerCase(Locale.ROOT);
		out.println(inbox.addRule(rule) ? verb + " " + p.kind().name().toLowerCase(Locale.ROOT) + " " + p : p + " is already on the " + verb + " list");
		return 0;
	}

	private int policy(Inbox inbox, Args a, PrintStream out) throws IOException, UsageException {
		SpamSettings s = inbox.policy().settings();
		String flood = a.value("--flood");
		String storeBlocked = a.value("--store-blocked");
		String quarantine = a.value("--quarantine");
		String idle = a.value("--idle-timeout");
		String perAddress = a.value("--sessions-per-address");
		String total = a.value("--sessions");
		a.done();
		if (flood != null || storeBlocked != null || quarantine != null || idle != null || perAddress != null || total != null) {
			int limit = s.floodLimit();
			Duration window = s.floodWindow();
			if (flood != null) {
				if (flood.equals("off")) {
					limit = 0;
				} else {
					String[] parts = flood.split("/");
					if (parts.length != 2) {
						throw new UsageException("--flood wants N/SECONDS, as in 30/10, or off");
					}
					limit = (int) a.number(parts[0], "flood limit");
					window = Duration.ofSeconds(a.number(parts[1], "flood window"));
				}
			}
			SessionLimits l = s.sessions();
			try {
				l = new SessionLimits(idle == null ? l.idleTimeout() : Duration.ofSeconds(a.number(idle, "--idle-timeout")),
						perAddress == null ? l.perAddress() : (int) Math.min(Integer.MAX_VALUE, a.number(perAddress, "--sessions-per-address")),
						total == null ? l.total() : (int) Math.min(Integer.MAX_VALUE, a.number(total, "--sessions")));
				s = new SpamSettings(limit, window, storeBlocked == null ? s.storeBlocked() : onOff(storeBlocked),
						quarantine == null ? s.quarantineOutsiders() : onOff(quarantine), l);
			} catch (IllegalArgumentException e) {
				throw new UsageException(e.getMessage());
			}
			inbox.updateSettings(s);
		}
		SpamPolicy p = inbox.policy();
		SpamCounters c = inbox.counters();
		SessionLimits l = s.sessions();
		out.println("flood limit:    " + (s.floodLimit() == 0 ? "off" : s.floodLimit() + " messages per " + s.floodWindow().toSeconds() + " s per address"));
		out.println("blocked:        " + (s.storeBlocked() ? "stored with the BLOCKED flag" : "counted, not stored"));
		out.println("quarantine:     " + (s.quarantineOutsiders() ? "senders outside the local and trusted subnets" : "off"));
		out.println("sessions:       " + l.perAddress() + " at once per address, " + l.total() + " in all; closed after "
				+ l.idleTimeout().toSeconds() + " s idle or half-sent");
		for (SpamRule.RuleList list : SpamRule.RuleList.values()) {
			List<String> entries = p.rules(list).stream().map(r -> r.pattern().toString()).toList();
			out.printf("%-15s %s%n", list.name().toLowerCase(Locale.ROOT) + ":", entries.isEmpty() ? "-" : String.join(", ", entries));
		}
		out.printf("counters:       %d stored, %d quarantined, %d blocked, %d refused by the flood limit%n", c.stored(), c.quarantined(),
				c.blocked(), c.droppedByFlood());
		return 0;
	}

	private static boolean onOff(String v) throws UsageException {
		return switch (v) {
		case "on" -> true;
		case "off" -> false;
		default -> throw new UsageException("expected on or off, not '" + v + "'");
		};
	}

	private static SenderPattern pattern(String text) throws UsageException {
		try {
			return SenderPattern.parse(text);
		} catch (IllegalArgumentException e) {
			throw new UsageException(e.getMessage());
		}
	}

	static Instant time(String text) throws UsageException {
		try {
			if (text.endsWith("Z") || text.matches(".*[+-]\\d\\d:\\d\\d$")) {
				return java.time.OffsetDateTime.parse(text).toInstant();
			}
			if (text.contains("T")) {
				return LocalDateTime.parse(text).atZone(ZoneId.systemDefault()).toInstant();
			}
			return LocalDate.parse(text).atStartOfDay(ZoneId.systemDefault()).toInstant();
		} catch (DateTimeParseException e) {
			throw new UsageException("not a time: '" + text + "' (try 2026-01-05T09:00:00Z, 2026-01-05T10:00 or 2026-01-05)");
		}
	}

	private static String letters(StoredMessage m) {
		StringBuilder b = new StringBuilder();
		for (MessageFlag f : MessageFlag.values()) {
			if (m.flags().contains(f)) {
				b.append(switch (f) {
				case REPAIRED -> 'R';
				case QUARANTINED -> 'Q';
				case BLOCKED -> 'B';
				case ENCRYPTED -> 'E';
				case URGENT -> 'U';
				});
			}
		}
		return b.toString();
	}

	private static String clip(String s, int max) {
		return s.length() <= max ? s : s.substring(0, max - 1) + "…";
	}

	/** Options anywhere among the arguments; what is left are the operands. */
	private static final class Args {
		private final List<String> args;

		Args(List<String> args) {
			this.args = new ArrayList<>(args);
		}

		boolean flag(String name) {
			return args.remove(name);
		}

		String value(String name) throws UsageException {
			int i = args.indexOf(name);
			if (i < 0) {
				return null;
			}
			if (i + 1 >= args.size()) {
				throw new UsageException(name + " needs a value");
			}
			args.remove(i);
			return args.remove(i);
		}

		long number(String text, String what) throws UsageException {
			try {
				long v = Long.parseLong(text);
				if (v >= 0) {
					return v;
				}
			} catch (NumberFormatException e) {
				// below
			}
			throw new UsageException(what + " must be a number, not '" + text + "'");
		}

		InboxQuery query(InboxQuery q) throws UsageException {
			String limit = value("--limit");
			if (limit != null) {
				long n = number(limit, "--limit");
				if (n < 1 || n > InboxQuery.MAX_LIMIT) {
					throw new UsageException("--limit must be 1 to " + InboxQuery.MAX_LIMIT);
				}
				q = q.withLimit((int) n);
			}
			String before = value("--before");
			if (before != null) {
				q = q.withBefore(number(before, "--before"));
			}
			return q;
		}

		String single(String what) throws UsageException {
			List<String> rest = rest();
			if (rest.size() != 1) {
				throw new UsageException("give exactly one argument: " + what);
			}
			return rest.get(0);
		}

		/** The operands; anything left that looks like an option is an error. */
		List<String> rest() throws UsageException {
			for (String s : args) {
				if (s.startsWith("--")) {
					throw new UsageException("unknown option " + s);
				}
			}
			return List.copyOf(args);
		}

		void done() throws UsageException {
			rest();
		}
	}
}
