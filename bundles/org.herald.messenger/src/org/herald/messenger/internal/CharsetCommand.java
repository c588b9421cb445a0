/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.internal;

import java.io.PrintStream;
import java.net.Inet4Address;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.herald.api.BindInterface;
import org.herald.api.cli.CliCommand;
import org.herald.api.cli.CommandContext;
import org.herald.api.cli.Json;
import org.herald.api.cli.Options;
import org.herald.api.cli.ParsedOptions;
import org.herald.api.cli.UsageException;
import org.herald.messenger.CodePageMatch;
import org.herald.messenger.CodePageRule;
import org.herald.messenger.CodePageStore;
import org.herald.messenger.CodePages;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code herald charset}: the OEM code page per host, address or network, and workgroup, kept in
 * the workspace next to the default (the same settings as Preferences &gt; Character sets).
 */
@Component(service = CliCommand.class, property = "herald.command=charset")
public final class CharsetCommand implements CliCommand {

	private final CodePageStore store;

	/** @param store the code pages (in the product the workspace's preferences, {@code -data}) */
	@Activate
	public CharsetCommand(@Reference CodePageStore store) {
		this.store = store;
	}

	private static final Options LIST = new Options().flag("--json", "print JSON (list)");
	private static final Options MATCH = new Options().value("--domain", "WG", "the workgroup WG (set, remove, which)");

	@Override
	public String name() {
		return "charset";
	}

	@Override
	public String summary() {
		return "the OEM code page per host, address and workgroup (list, set, remove, default, which)";
	}

	@Override
	public String usage() {
		return """
				usage: herald charset [list] [--json]
				       herald charset set MATCH CODEPAGE
				       herald charset remove MATCH
				       herald charset default [CODEPAGE]
				       herald charset which [NAME] [IP] [--domain WG]
				  MATCH     a host's NetBIOS name (DOSBOX), an IPv4 address (198.51.100.7), a network
				            (198.51.100.0/24), or a workgroup: --domain WG, workgroup:WG or /DOMAIN:WG
				            (--workgroup is the identity option every command takes, so not used here)
				  CODEPAGE  a code page Java knows: CP850, CP437, CP852, CP866, CP737, CP857...
				The most specific rule decides: host name, then the longest address prefix, then the
				workgroup, then the default (CP850 unless set). Messages from a host are read in its code
				page, and messages to it are written in it when every character fits (else UTF-8).
				'send' and 'listen' take --oem CODEPAGE to replace the default for one run.
				Saved in the workspace (-data), as Preferences > Character sets.
				Options:
				""" + LIST.usageLines() + "\n" + MATCH.usageLines();
	}

	@Override
	public int run(CommandContext context, List<String> args) throws UsageException, Exception {
		List<String> rest = new ArrayList<>(args);
		String verb = rest.isEmpty() || rest.get(0).startsWith("--") ? "list" : rest.remove(0);
		return switch (verb) {
		case "list" -> list(context, rest);
		case "set", "add" -> set(context, rest);
		case "remove", "rm", "delete" -> remove(context, rest);
		case "default" -> defaultCodePage(context, rest);
		case "which" -> which(context, rest);
		default -> throw new UsageException("unknown subcommand '" + verb + "': list, set, remove, default or which");
		};
	}

	private int list(CommandContext context, List<String> args) throws UsageException {
		ParsedOptions given = LIST.parse(args);
		if (!given.operands().isEmpty()) {
			throw new UsageException("list takes only --json, not '" + given.operands().get(0) + "'");
		}
		boolean json = given.has("--json");
		CodePages pages = store.load();
		PrintStream out = context.out();
		if (json) {
			List<Map<String, Object>> rules = new ArrayList<>();
			for (CodePageRule r : pages.rules()) {
				Map<String, Object> m = new LinkedHashMap<>();
				m.put("kind", r.match().kind());
				m.put("match", r.match().text());
				m.put("codePage", r.codePage().name());
				rules.add(m);
			}
			Map<String, Object> all = new LinkedHashMap<>();
			all.put("default", pages.defaultCodePage().name());
			all.put("rules", rules);
			all.put("problems", store.problems());
			out.println(Json.write(all));
		} else {
			out.printf("%-10s %-18s %s%n", "default", "", pages.defaultCodePage().name());
			for (CodePageRule r : pages.rules()) {
				out.printf("%-10s %-18s %s%n", r.match().kind(), r.match().text(), r.codePage().name());
			}
			for (String p : store.problems()) {
				context.err().println("herald charset: a saved rule could not be read and is ignored: " + p);
			}
		}
		out.flush();
		return 0;
	}

	private int set(CommandContext context, List<String> args) throws Exception {
		List<String> words = workgroupOption(args);
		if (words.size() != 2) {
			throw new UsageException("set wants MATCH CODEPAGE, e.g. 'set DOSBOX CP866', 'set 198.51.100.0/24 CP866', 'set --domain ATHENS CP737'");
		}
		CodePageRule rule;
		try {
			rule = CodePageRule.parse(words.get(0), words.get(1));
		} catch (IllegalArgumentException e) {
			throw new UsageException(e.getMessage());
		}
		CodePages before = store.load();
		store.save(before.with(rule));
		context.out().println((before.ruleFor(rule.match()).isPresent() ? "replaced: " : "added: ") + rule + " (saved in "
				+ context.workspace() + ")");
		return 0;
	}

	private int remove(CommandContext context, List<String> args) throws Exception {
		List<String> words = workgroupOption(args);
		if (words.size() != 1) {
			throw new UsageException("remove wants one MATCH, e.g. 'remove DOSBOX' or 'remove --domain ATHENS'");
		}
		CodePageMatch match;
		try {
			match = CodePageMatch.parse(words.get(0));
		} catch (IllegalArgumentException e) {
			throw new UsageException(e.getMessage());
		}
		CodePages before = store.load();
		Optional<CodePageRule> old = before.ruleFor(match);
		if (old.isEmpty()) {
			context.err().println("herald charset: no rule for " + match.kind() + " " + match.text());
			return 1;
		}
		store.save(before.without(match));
		context.out().println("removed: " + old.get());
		return 0;
	}

	private int defaultCodePage(CommandContext context, List<String> given) throws Exception {
		List<String> args = new Options().parse(given).operands();
		if (args.size() > 1) {
			throw new UsageException("default wants at most one CODEPAGE");
		}
		CodePages pages = store.load();
		if (!args.isEmpty()) {
			Charset c;
			try {
				c = CodePageRule.codePage(args.get(0));
			} catch (IllegalArgumentException e) {
				throw new UsageException(e.getMessage());
			}
			pages = pages.withDefault(c);
			store.save(pages);
		}
		context.out().println("default " + pages.defaultCodePage().name());
		return 0;
	}

	private int which(CommandContext context, List<String> args) throws UsageException {
		ParsedOptions p = MATCH.parse(args);
		String workgroup = p.string("--domain").orElse(null);
		List<String> names = new ArrayList<>();
		Inet4Address address = null;
		for (String a : p.operands()) {
			if (!a.isEmpty() && Character.isDigit(a.charAt(0)) && a.indexOf('.') > 0) {
				try {
					address = BindInterface.parseIpv4(a);
				} catch (IllegalArgumentException e) {
					throw new UsageException(e.getMessage());
				}
			} else {
				names.add(a);
			}
		}
		if (names.isEmpty() && address == null && workgroup == null) {
			throw new UsageException("which wants a NAME, an IP or --domain WG (or several)");
		}
		CodePages pages = store.load();
		Optional<CodePageRule> rule = pages.decide(names, address, workgroup);
		context.out().println(rule.map(r -> r.codePage().name() + " (rule: " + r + ")")
				.orElse(pages.defaultCodePage().name() + " (the default)"));
		return 0;
	}

	/** The arguments with {@code --domain WG} / {@code --domain=WG} turned into the match {@code workgroup:WG}, first. */
	private static List<String> workgroupOption(List<String> args) throws UsageException {
		ParsedOptions p = MATCH.parse(args);
		List<String> words = new ArrayList<>();
		p.string("--domain").ifPresent(wg -> words.add("workgroup:" + wg));
		words.addAll(p.operands());
		return words;
	}
}
