/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.internal;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.herald.api.cli.CliCommand;
import org.herald.api.cli.CommandContext;
import org.herald.api.cli.Json;
import org.herald.api.cli.Options;
import org.herald.api.cli.ParsedOptions;
import org.herald.api.cli.UsageException;
import org.osgi.service.component.annotations.Component;

/**
 * {@code herald alias}: the extra names this host receives under, kept in the workspace
 * ({@link Aliases}), like {@code NET NAME}: {@code herald listen}, the workbench and the service
 * register each as NAME&lt;03&gt;, and a running one follows a change within seconds.
 */
@Component(service = CliCommand.class, property = "herald.command=alias")
public final class AliasCommand implements CliCommand {

	private static final Options OPTIONS = new Options().flag("--json", "list: print JSON")
			.value("--workspace", "DIR", "add: a user's name; its messages go into the inbox of the workspace DIR");

	@Override
	public String name() {
		return "alias";
	}

	@Override
	public String summary() {
		return "extra names to receive under (NET NAME), and users of this host with their own inbox";
	}

	@Override
	public String usage() {
		return """
				usage: herald alias [list] [--json]          the aliases kept in the workspace
				       herald alias add NAME                 receive as NAME<03> too, into this inbox (NET NAME NAME /ADD)
				       herald alias add NAME --workspace DIR a user of this host: messages to NAME<03> go into the
				                                             inbox of the workspace DIR (the user's herald -data DIR);
				                                             herald listen routes them, the workbench leaves them to it
				       herald alias remove NAME              release it (NET NAME NAME /DELETE)
				  NAME     a NetBIOS name, up to 15 characters (case does not matter)
				A running herald listen or workbench of this workspace registers or releases the change within seconds.""";
	}

	@Override
	public int run(CommandContext context, List<String> args) throws UsageException, Exception {
		ParsedOptions o = OPTIONS.parse(args);
		List<String> pos = o.operands();
		String verb = pos.isEmpty() ? "list" : pos.get(0);
		List<String> rest = pos.isEmpty() ? List.of() : pos.subList(1, pos.size());
		Aliases aliases = Aliases.in(context.workspace());
		if (!verb.equals("list") && o.has("--json")) {
			throw new UsageException("--json is for list, not " + verb);
		}
		if (!verb.equals("add") && o.has("--workspace")) {
			throw new UsageException("--workspace is for add, not " + verb);
		}
		try {
			switch (verb) {
			case "list" -> {
				if (!rest.isEmpty()) {
					throw new UsageException("list takes no argument");
				}
				List<Aliases.Alias> all = aliases.all();
				if (o.has("--json")) {
					context.out().println(Json.write(all.stream().map(AliasCommand::row).toList()));
				} else if (all.isEmpty()) {
					context.out().println("no aliases in " + context.workspace() + " (herald alias add NAME)");
				} else {
					for (Aliases.Alias a : all) {
						context.out().println(a.messengerName() + a.workspace().map(w -> "  user, inbox of " + w).orElse("  alias of this host"));
					}
				}
			}
			case "add" -> {
				if (rest.size() != 1) {
					throw new UsageException("add takes one NAME");
				}
				Optional<Path> workspace = o.string("--workspace").map(w -> Path.of(w).toAbsolutePath());
				Aliases.Alias a = new Aliases.Alias(rest.get(0), workspace);
				if (a.name().equals(context.identity().name())) {
					throw new UsageException(a.name() + " is this host's own name");
				}
				boolean replaced = aliases.put(a);
				context.out().println(a.messengerName() + ": " + (replaced ? "replaced" : "added")
						+ a.workspace().map(w -> ", messages go to the inbox of " + w).orElse(""));
			}
			case "remove" -> {
				if (rest.size() != 1) {
					throw new UsageException("remove takes one NAME");
				}
				String name = Aliases.checkName(rest.get(0));
				if (!aliases.remove(name)) {
					context.err().println("herald alias: no alias " + name + " in " + aliases.path());
					return 1;
				}
				context.out().println(name + "<03>: removed");
			}
			default -> throw new UsageException("unknown verb '" + verb + "': list, add or remove");
			}
		} catch (IllegalArgumentException e) {
			throw new UsageException(e.getMessage());
		}
		context.out().flush();
		return 0;
	}

	private static Map<String, Object> row(Aliases.Alias a) {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("name", a.name());
		row.put("workspace", a.workspace().map(Path::toString).orElse(null));
		return row;
	}
}
