/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.outbox.internal;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.herald.api.cli.CliCommand;
import org.herald.api.cli.CommandContext;
import org.herald.api.cli.Json;
import org.herald.api.cli.Options;
import org.herald.api.cli.ParsedOptions;
import org.herald.api.cli.UsageException;
import org.herald.outbox.Outbox;
import org.herald.outbox.OutboxEntry;
import org.herald.outbox.OutboxQueue;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code herald outbox list|retry|cancel}: the messages kept for hosts that were offline. */
@Component(service = CliCommand.class)
public final class OutboxCommand implements CliCommand {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

	private static final Options LIST = new Options().flag("--json", "one JSON array of the entries");
	private static final Options RETRY = new Options().flag("--all", "every pending entry");
	private static final Options CANCEL = new Options();

	private final Outbox outbox;

	@Activate
	public OutboxCommand(@Reference Outbox outbox) {
		this.outbox = outbox;
	}

	@Override
	public String name() {
		return "outbox";
	}

	@Override
	public String summary() {
		return "messages kept for offline hosts: list, retry, cancel";
	}

	@Override
	public String usage() {
		return """
				usage: herald outbox list [--json]
				       herald outbox retry ID...|--all
				       herald outbox cancel ID...
				  list    every entry: ID STATE ATTEMPTS NEXT EXPIRES TARGET FROM [urgent] [every PERIOD] [(LAST ERROR)]
				  retry   try the entries now (herald listen and the workbench also retry due entries by themselves)
				  cancel  stop trying them; a repeating send is cancelled with all its later occurrences
				States: scheduled (herald send --at/--every: not due yet, or due and not tried yet), queued,
				retrying, delivered (stored by the recipient), sent (mailslot, unconfirmed), failed (refused for
				good), expired, cancelled. Messages enter the outbox with herald send --queue, --at or --every;
				they are retried with backoff (%s, doubling up to %s) and expire %s after they were queued (or
				were due); an occurrence of a repeat expires at the latest when the next is due, after which a
				repeat is scheduled again (its last outcome in parentheses) until cancelled.
				Exit status of retry: 0 when every entry tried was delivered or sent, 1 otherwise.""".formatted(outbox.policy().first(),
				outbox.policy().longest(), outbox.policy().expiry());
	}

	@Override
	public int run(CommandContext context, List<String> args) throws UsageException, Exception {
		if (args.isEmpty()) {
			throw new UsageException("outbox: give list, retry or cancel");
		}
		List<String> rest = args.subList(1, args.size());
		OutboxQueue q = outbox.queue(context.workspace());
		switch (args.get(0)) {
		case "list" -> {
			ParsedOptions o = LIST.parse(rest);
			if (!o.operands().isEmpty()) {
				throw new UsageException("outbox list: unexpected '" + o.operands().get(0) + "'");
			}
			List<OutboxEntry> all = q.list();
			if (o.has("--json")) {
				context.out().println(Json.write(all.stream().map(OutboxCommand::json).toList()));
			} else {
				all.forEach(e -> context.out().println(line(e)));
			}
			context.out().flush();
			return 0;
		}
		case "retry" -> {
			ParsedOptions o = RETRY.parse(rest);
			if (o.has("--all") == !o.operands().isEmpty()) {
				throw new UsageException("outbox retry: give entry numbers or --all");
			}
			List<OutboxEntry> tried;
			try {
				tried = o.has("--all") ? q.retryAll() : q.retry(ids(o.operands()));
			} catch (IllegalArgumentException e) {
				throw new UsageException("outbox retry: " + e.getMessage());
			}
			boolean ok = true;
			for (OutboxEntry e : tried) {
				context.out().println(line(e));
				ok &= e.state() == OutboxEntry.State.DELIVERED || e.state() == OutboxEntry.State.SENT;
			}
			context.out().flush();
			return ok ? 0 : 1;
		}
		case "cancel" -> {
			ParsedOptions o = CANCEL.parse(rest);
			if (o.operands().isEmpty()) {
				throw new UsageException("outbox cancel: give entry numbers");
			}
			for (long id : ids(o.operands())) {
				try {
					context.out().println(line(q.cancel(id)));
				} catch (IllegalArgumentException e) {
					throw new UsageException("outbox cancel: " + e.getMessage());
				}
			}
			context.out().flush();
			return 0;
		}
		default -> throw new UsageException("outbox: unknown '" + args.get(0) + "': give list, retry or cancel");
		}
	}

	private static List<Long> ids(List<String> operands) throws UsageException {
		List<Long> ids = new ArrayList<>();
		for (String s : operands) {
			String t = s.startsWith("#") ? s.substring(1) : s;
			try {
				ids.add(Long.parseLong(t));
			} catch (NumberFormatException e) {
				throw new UsageException("'" + s + "' is not an outbox entry number");
			}
		}
		return ids;
	}

	/** {@code ID STATE ATTEMPTS NEXT EXPIRES TARGET FROM [LAST ERROR]}. */
	static String line(OutboxEntry e) {
		StringBuilder b = new StringBuilder();
		b.append('#').append(e.id()).append(' ').append(e.state().word()).append(' ').append(e.attempts()).append(' ');
		b.append(e.state().pending() ? TIME.format(e.nextAttempt()).replace(' ', 'T') : "-").append(' ');
		b.append(TIME.format(e.expires()).replace(' ', 'T')).append(' ').append(e.target()).append(' ').append(e.from());
		if (e.urgent()) {
			b.append(" urgent");
		}
		e.schedule().flatMap(OutboxEntry.Schedule::every).ifPresent(d -> b.append(" every ").append(period(d)));
		if (!e.lastError().isEmpty()) {
			b.append(" (").append(e.lastError()).append(')');
		}
		return b.toString();
	}

	static Map<String, Object> json(OutboxEntry e) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("id", e.id());
		m.put("state", e.state().word());
		m.put("attempts", e.attempts());
		m.put("lastError", e.lastError());
		m.put("created", e.created().toString());
		m.put("nextAttempt", e.nextAttempt().toString());
		m.put("expires", e.expires().toString());
		m.put("target", e.target());
		m.put("from", e.from());
		m.put("path", e.path().name().toLowerCase(java.util.Locale.ROOT));
		m.put("text", e.text());
		m.put("urgent", e.urgent());
		m.put("at", e.schedule().map(x -> (Object) x.at().toString()).orElse(null));
		m.put("every", e.schedule().flatMap(OutboxEntry.Schedule::every).map(d -> (Object) period(d)).orElse(null));
		return m;
	}

	/** A repeat as herald send --every takes it: 30m, 2h, 24h, 1h30m. */
	static String period(java.time.Duration d) {
		return d.toString().substring(2).toLowerCase(java.util.Locale.ROOT);
	}
}
