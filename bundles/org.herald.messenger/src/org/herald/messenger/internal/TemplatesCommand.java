/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.internal;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.herald.api.cli.CliCommand;
import org.herald.api.cli.CommandContext;
import org.herald.api.cli.Json;
import org.herald.api.cli.Options;
import org.herald.api.cli.ParsedOptions;
import org.herald.api.cli.UsageException;
import org.herald.messenger.MessageTemplate;
import org.herald.messenger.MessageTemplates;
import org.osgi.service.component.annotations.Component;

/** {@code herald templates}: the workspace's message templates, for {@code herald send --template} and the composer. */
@Component(service = CliCommand.class, property = "herald.command=templates")
public final class TemplatesCommand implements CliCommand {

	private static final Options OPTIONS = new Options().flag("--json", "list and show: print JSON");

	@Override
	public String name() {
		return "templates";
	}

	@Override
	public String summary() {
		return "message templates with fields for herald send --template and the composer";
	}

	@Override
	public String usage() {
		return """
				usage: herald templates [list] [--json]    the templates: name, fields, text
				       herald templates show NAME [--json] one template
				       herald templates add NAME TEXT      keep TEXT as NAME (replaces one of that name);
				                                           TEXT - reads it from standard input
				       herald templates remove NAME
				  NAME     letters, digits and - _ . (up to 32; case does not matter)
				  TEXT     the message with fields in braces: {date} {time} {host} (our NetBIOS name) {user}
				           (the OS user) {workgroup} {to} (each recipient as given) are filled by herald send;
				           any other {field} needs --field field=VALUE. {{x} is the text {x}.""";
	}

	@Override
	public int run(CommandContext context, List<String> args) throws UsageException, Exception {
		ParsedOptions o = OPTIONS.parse(args);
		List<String> pos = o.operands();
		String verb = pos.isEmpty() ? "list" : pos.get(0);
		List<String> rest = pos.isEmpty() ? List.of() : pos.subList(1, pos.size());
		boolean json = o.has("--json");
		MessageTemplates templates = MessageTemplates.in(context.workspace());
		try {
			switch (verb) {
			case "list" -> {
				if (!rest.isEmpty()) {
					throw new UsageException("list takes no argument; herald templates show NAME shows one template");
				}
				List<MessageTemplate> all = templates.all();
				if (json) {
					context.out().println(Json.write(all.stream().map(TemplatesCommand::row).toList()));
				} else if (all.isEmpty()) {
					context.out().println("no message templates in " + context.workspace() + " (herald templates add NAME TEXT)");
				} else {
					for (MessageTemplate t : all) {
						String first = t.text().lines().findFirst().orElse("");
						context.out().println(t.name() + fieldsNote(t) + ": " + first + (t.text().contains("\n") ? " ..." : ""));
					}
				}
			}
			case "show" -> {
				if (rest.size() != 1) {
					throw new UsageException("show takes one NAME");
				}
				MessageTemplate t = templates.get(rest.get(0));
				if (json) {
					context.out().println(Json.write(row(t)));
				} else {
					context.out().println(t.name() + fieldsNote(t) + ":");
					context.out().println(t.text());
				}
			}
			case "add" -> {
				noJson(json, verb);
				if (rest.size() != 2) {
					throw new UsageException("add takes NAME and TEXT (quote the text; - reads it from standard input)");
				}
				String text = rest.get(1).equals("-") ? stdin(context) : rest.get(1);
				boolean replaced = templates.put(rest.get(0), text);
				MessageTemplate t = templates.get(rest.get(0));
				context.out().println(t.name() + ": " + (replaced ? "replaced" : "added") + fieldsNote(t));
			}
			case "remove" -> {
				noJson(json, verb);
				if (rest.size() != 1) {
					throw new UsageException("remove takes one NAME");
				}
				templates.remove(rest.get(0));
				context.out().println(MessageTemplates.name(rest.get(0)) + ": removed");
			}
			default -> throw new UsageException("unknown verb '" + verb + "': list, show, add or remove");
			}
		} catch (IllegalArgumentException e) {
			throw new UsageException(e.getMessage());
		}
		context.out().flush();
		return 0;
	}

	private static String fieldsNote(MessageTemplate t) {
		return t.fields().isEmpty() ? "" : " (fields " + MessageTemplate.braces(t.fields()) + ")";
	}

	private static void noJson(boolean json, String verb) throws UsageException {
		if (json) {
			throw new UsageException("--json is for list and show, not " + verb);
		}
	}

	private static String stdin(CommandContext context) throws java.io.IOException {
		String s = new String(context.in().readAllBytes(), StandardCharsets.UTF_8);
		return s.endsWith("\r\n") ? s.substring(0, s.length() - 2) : s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
	}

	private static Map<String, Object> row(MessageTemplate t) {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("name", t.name());
		row.put("fields", t.fields());
		row.put("text", t.text());
		return row;
	}
}
