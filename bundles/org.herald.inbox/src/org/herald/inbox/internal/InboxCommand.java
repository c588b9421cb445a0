/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.inbox.internal;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.herald.api.cli.CliCommand;
import org.herald.api.cli.CommandContext;
import org.herald.api.cli.ParsedOptions;
import org.herald.api.cli.UsageException;
import org.herald.inbox.Inbox;
import org.herald.inbox.InboxService;
import org.herald.inbox.SpamRule;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code herald inbox ...}: list, search, show and export messages; edit the spam policy. One
 * {@link InboxVerb} per verb; this command picks it, parses its options and opens the inbox.
 */
@Component(service = CliCommand.class, property = "herald.command=inbox")
public final class InboxCommand implements CliCommand {

	@Reference
	private InboxService inboxes;

	private final Map<String, InboxVerb> verbs;

	public InboxCommand() {
		this(null, ZoneId.systemDefault()); // for DS, which sets the reference
	}

	/** For tests: a given service, and times shown in {@code zone}. */
	InboxCommand(InboxService inboxes, ZoneId zone) {
		this.inboxes = inboxes;
		InboxListing listing = new InboxListing(zone);
		Map<String, InboxVerb> v = new LinkedHashMap<>();
		v.put("list", new InboxListVerb(listing));
		v.put("search", new InboxSearchVerb(listing));
		v.put("show", new InboxShowVerb(listing));
		v.put("export", new InboxExportVerb());
		v.put("block", new InboxRuleVerb(SpamRule.RuleList.BLOCK));
		v.put("allow", new InboxRuleVerb(SpamRule.RuleList.ALLOW));
		v.put("trust", new InboxRuleVerb(SpamRule.RuleList.TRUST));
		v.put("unblock", new InboxRuleVerb(null));
		v.put("policy", new InboxPolicyVerb());
		v.put("compact", new InboxCompactVerb());
		this.verbs = v;
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
		StringBuilder b = new StringBuilder();
		for (Map.Entry<String, InboxVerb> e : verbs.entrySet()) {
			InboxVerb v = e.getValue();
			String line = String.join(" ", List.of("herald inbox", e.getKey(), v.operands(), v.options().synopsis()).stream()
					.filter(s -> !s.isEmpty()).toList());
			b.append(v.note().isEmpty() ? line : String.format("%-40s%s", line + " ", v.note())).append('\n');
		}
		return b + """
				Sessions: TCP 139/445 open at once per source address and in all.
				TIME is 2026-01-05T09:00:00Z, 2026-01-05T10:00 (local) or 2026-01-05 (local midnight).
				Pages are newest first; a listing ends with the --before ID of the next page.
				Flags: R repaired, Q quarantined, B blocked, E encrypted, U urgent; * marks unread.""";
	}

	@Override
	public int run(CommandContext context, List<String> args) throws Exception {
		if (args.isEmpty()) {
			throw new UsageException("say what to do: list, search, show, export, block, allow, trust, unblock, policy or compact");
		}
		String name = args.get(0);
		List<String> rest = args.subList(1, args.size());
		InboxVerb verb = verbs.get(name);
		if (verb != null && rest.contains("--json") && !verb.options().declared().stream().anyMatch(o -> o.name().equals("--json"))) {
			throw new UsageException("--json is for list, search and show");
		}
		if (verb == null) {
			throw new UsageException("unknown inbox command '" + name + "'");
		}
		ParsedOptions given = verb.options().parse(rest);
		Inbox inbox = verb.opensInbox() ? inboxes.open(context.workspace(), context.identity()) : null;
		return verb.run(inbox, given, context);
	}
}
