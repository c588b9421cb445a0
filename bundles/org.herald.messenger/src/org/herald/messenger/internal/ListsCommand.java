/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.internal;

import java.util.ArrayList;
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
import org.herald.messenger.RecipientList;
import org.herald.messenger.RecipientLists;
import org.osgi.service.component.annotations.Component;

/** {@code herald lists}: the workspace's recipient lists, which {@code herald send @NAME} and the composer expand. */
@Component(service = CliCommand.class, property = "herald.command=lists")
public final class ListsCommand implements CliCommand {

	private static final Options OPTIONS = new Options().flag("--json", "list and show: print JSON");

	@Override
	public String name() {
		return "lists";
	}

	@Override
	public String summary() {
		return "recipient lists for herald send @NAME and the composer";
	}

	@Override
	public String usage() {
		return """
				usage: herald lists [list] [--json]        the lists and their members
				       herald lists show NAME [--json]     one list
				       herald lists add NAME MEMBER...     create NAME or add members to it
				       herald lists remove NAME [MEMBER...]  remove members, or the whole list
				  NAME     letters, digits and - _ . (up to 32; case does not matter), with or without @
				  MEMBER   anything herald send takes as a TARGET: a name (BOB, BOB#03), an address, a range
				           (198.51.100.10-20), a subnet (198.51.100.0/24), a workgroup (/DOMAIN:LAB), or
				           another list (@OPS); a list that would reach itself is refused
				herald send @NAME TEXT sends to every member (each once). The lists are kept in the workspace,
				recipient-lists.txt.""";
	}

	@Override
	public int run(CommandContext context, List<String> args) throws UsageException, Exception {
		ParsedOptions o = OPTIONS.parse(args);
		List<String> pos = o.operands();
		String verb = pos.isEmpty() ? "list" : pos.get(0);
		List<String> rest = pos.isEmpty() ? List.of() : pos.subList(1, pos.size());
		boolean json = o.has("--json");
		RecipientLists lists = RecipientLists.in(context.workspace());
		try {
			switch (verb) {
			case "list" -> {
				if (!rest.isEmpty()) {
					throw new UsageException("list takes no argument; herald lists show NAME shows one list");
				}
				List<RecipientList> all = lists.all();
				if (json) {
					context.out().println(Json.write(all.stream().map(ListsCommand::row).toList()));
				} else if (all.isEmpty()) {
					context.out().println("no recipient lists in " + context.workspace() + " (herald lists add NAME MEMBER...)");
				} else {
					all.forEach(l -> print(context, l));
				}
			}
			case "show" -> {
				if (rest.size() != 1) {
					throw new UsageException("show takes one NAME");
				}
				String name = RecipientLists.name(rest.get(0));
				Optional<RecipientList> l = lists.get(name);
				if (l.isEmpty()) {
					lists.expand(List.of(RecipientLists.PREFIX + name)); // says which lists there are
				}
				if (json) {
					context.out().println(Json.write(row(l.orElseThrow())));
				} else {
					print(context, l.orElseThrow());
				}
			}
			case "add" -> {
				noJson(json, verb);
				if (rest.size() < 2) {
					throw new UsageException("add takes NAME and at least one MEMBER");
				}
				print(context, lists.add(rest.get(0), rest.subList(1, rest.size())));
			}
			case "remove" -> {
				noJson(json, verb);
				if (rest.isEmpty()) {
					throw new UsageException("remove takes NAME [MEMBER...]");
				}
				String name = RecipientLists.name(rest.get(0));
				Optional<RecipientList> left = lists.remove(name, rest.subList(1, rest.size()));
				if (left.isPresent()) {
					print(context, left.get());
				} else {
					context.out().println(RecipientLists.PREFIX + name + ": removed");
				}
			}
			default -> throw new UsageException("unknown verb '" + verb + "': list, show, add or remove");
			}
		} catch (IllegalArgumentException e) {
			throw new UsageException(e.getMessage());
		}
		context.out().flush();
		return 0;
	}

	private static void noJson(boolean json, String verb) throws UsageException {
		if (json) {
			throw new UsageException("--json is for list and show, not " + verb);
		}
	}

	private static void print(CommandContext context, RecipientList l) {
		context.out().println(l.label() + " (" + l.members().size() + "): " + String.join(", ", l.members()));
	}

	private static Map<String, Object> row(RecipientList l) {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("name", l.name());
		row.put("members", new ArrayList<Object>(l.members()));
		return row;
	}
}
