/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.api.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A command's options, declared once: flags, options with a value (once or repeatable), each with
 * a value name and a line of help. {@link #parse} reads {@code --opt VALUE} and {@code --opt=VALUE}
 * anywhere on the line; {@code --} ends the options. {@link #usageLines} writes the help.
 *
 * <pre>
 * Options o = new Options().flag("--json", "print JSON").value("--limit", "N", "at most N");
 * ParsedOptions p = o.parse(args);
 * int limit = p.integer("--limit", 1, 500, 50);
 * </pre>
 */
public final class Options {

	/** One declared option; {@code valueName} is null for a flag. */
	public record Option(String name, String valueName, boolean repeatable, String help) {
		public boolean takesValue() {
			return valueName != null;
		}
	}

	private final Map<String, Option> options = new LinkedHashMap<>();

	public Options flag(String name, String help) {
		return add(new Option(name, null, false, help));
	}

	public Options value(String name, String valueName, String help) {
		return add(new Option(name, valueName, false, help));
	}

	public Options repeatable(String name, String valueName, String help) {
		return add(new Option(name, valueName, true, help));
	}

	private Options add(Option o) {
		if (!o.name().startsWith("-") || options.putIfAbsent(o.name(), o) != null) {
			throw new IllegalArgumentException("bad or duplicate option " + o.name());
		}
		return this;
	}

	public List<Option> declared() {
		return List.copyOf(options.values());
	}

	/** Reads {@code args}; an unknown {@code --x} or a missing value is a {@link UsageException}. */
	public ParsedOptions parse(List<String> args) throws UsageException {
		Map<String, List<String>> values = new LinkedHashMap<>();
		List<String> operands = new ArrayList<>();
		for (int i = 0; i < args.size(); i++) {
			String arg = args.get(i);
			if (arg.equals("--")) {
				operands.addAll(args.subList(i + 1, args.size()));
				break;
			}
			if (!arg.startsWith("--")) {
				operands.add(arg);
				continue;
			}
			int eq = arg.indexOf('=');
			String name = eq > 0 ? arg.substring(0, eq) : arg;
			Option o = options.get(name);
			if (o == null) {
				throw new UsageException("unknown option '" + name + "'");
			}
			String value;
			if (!o.takesValue()) {
				if (eq > 0) {
					throw new UsageException(name + " takes no value");
				}
				value = "";
			} else if (eq > 0) {
				value = arg.substring(eq + 1);
			} else if (i + 1 < args.size()) {
				value = args.get(++i);
			} else {
				throw new UsageException(name + " needs a value");
			}
			// an option given twice keeps its last value, as the commands always did
			values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
		}
		return new ParsedOptions(values, operands);
	}

	/** One line per option, {@code "  --limit N   at most N"}, aligned. */
	public String usageLines() {
		List<String> left = new ArrayList<>();
		int width = 0;
		for (Option o : options.values()) {
			String l = o.name() + (o.takesValue() ? " " + o.valueName() : "") + (o.repeatable() ? " ..." : "");
			left.add(l);
			width = Math.max(width, l.length());
		}
		StringBuilder b = new StringBuilder();
		int i = 0;
		for (Option o : options.values()) {
			if (b.length() > 0) {
				b.append('\n');
			}
			b.append("  ").append(String.format("%-" + width + "s", left.get(i++))).append("  ").append(o.help());
		}
		return b.toString();
	}
}
