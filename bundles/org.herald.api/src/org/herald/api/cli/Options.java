/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.api.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A command's options, declared once: flags, options with a value (once or repeatable), options
 * whose value is optional ({@code --domain} or {@code --domain=WG}), each with a value name and a
 * line of help. {@link #parse} reads {@code --opt VALUE} and {@code --opt=VALUE} anywhere on the
 * line; {@code --} ends the options. {@link #parseKnown} takes only the declared options and leaves
 * everything else, in order, for another parser. {@link #usageLines} writes the help.
 *
 * <pre>
 * Options o = new Options().flag("--json", "print JSON").value("--limit", "N", "at most N");
 * ParsedOptions p = o.parse(args);
 * int limit = p.integer("--limit", 1, 500, 50);
 * </pre>
 */
public final class Options {

	/**
	 * One declared option; {@code valueName} is null for a flag. An option whose value is
	 * {@code optional} stands alone or takes its value after {@code =} only.
	 */
	public record Option(String name, String valueName, boolean repeatable, boolean optional, String help) {
		public boolean takesValue() {
			return valueName != null;
		}
	}

	private final Map<String, Option> options = new LinkedHashMap<>();

	public Options flag(String name, String help) {
		return add(new Option(name, null, false, false, help));
	}

	public Options value(String name, String valueName, String help) {
		return add(new Option(name, valueName, false, false, help));
	}

	public Options repeatable(String name, String valueName, String help) {
		return add(new Option(name, valueName, true, false, help));
	}

	/**
	 * An option given alone ({@code --domain}, its value is then the empty text) or with
	 * {@code =VALUE} ({@code --domain=WG}); never with the value in the next argument. Repeatable:
	 * {@link ParsedOptions#all} has every use in order.
	 */
	public Options optionalValue(String name, String valueName, String help) {
		return add(new Option(name, valueName, true, true, help));
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
		return parse(args, false);
	}

	/**
	 * Takes the declared options off {@code args} and leaves the rest as the operands, in order:
	 * unknown options (with {@code =VALUE} if given so), their values and operands, and from a
	 * {@code --} on, that {@code --} and everything after it. For options that several parsers
	 * share, such as the identity options every {@code herald} command accepts.
	 */
	public ParsedOptions parseKnown(List<String> args) throws UsageException {
		return parse(args, true);
	}

	private ParsedOptions parse(List<String> args, boolean passUnknown) throws UsageException {
		Map<String, List<String>> values = new LinkedHashMap<>();
		List<String> operands = new ArrayList<>();
		for (int i = 0; i < args.size(); i++) {
			String arg = args.get(i);
			if (arg.equals("--")) {
				operands.addAll(args.subList(passUnknown ? i : i + 1, args.size()));
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
				if (passUnknown) {
					operands.add(arg);
					continue;
				}
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
			} else if (o.optional()) {
				value = "";
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

	/** The options as a usage line shows them: {@code [--unread] [--limit N] [--alias NAME]... [--domain[=WG]]}. */
	public String synopsis() {
		StringBuilder b = new StringBuilder();
		for (Option o : options.values()) {
			if (b.length() > 0) {
				b.append(' ');
			}
			b.append('[').append(o.name()).append(o.optional() ? "[=" + o.valueName() + "]" : o.takesValue() ? " " + o.valueName() : "").append(']');
			if (o.repeatable() && !o.optional()) {
				b.append("...");
			}
		}
		return b.toString();
	}

	/** One line per option, {@code "  --limit N   at most N"}, aligned. */
	public String usageLines() {
		List<String> left = new ArrayList<>();
		int width = 0;
		for (Option o : options.values()) {
			String l = o.name() + (o.optional() ? "[=" + o.valueName() + "]" : o.takesValue() ? " " + o.valueName() : "")
					+ (o.repeatable() && !o.optional() ? " ..." : "");
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
