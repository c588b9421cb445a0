/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.cli.internal;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

import org.herald.api.Identity;
import org.herald.api.Settings;
import org.herald.api.cli.CliCommand;
import org.herald.api.cli.CommandContext;
import org.herald.api.cli.UsageException;

/**
 * The headless CLI: takes the identity options off the line, picks the command by its first word
 * and runs it. Exit status 0 success, 1 failure, 2 usage error. Free of OSGi so it is tested directly.
 */
public final class Cli {

	public static final int OK = 0;
	public static final int FAILURE = 1;
	public static final int USAGE = 2;

	/** The identity options' help, from their declarations; {@code -data} is the launcher's. */
	static final String IDENTITY_HELP = "Identity options (every command; saved settings of the workspace apply where one is not given):\n"
			+ IdentityOptionParser.OPTIONS.usageLines() + "\n  -data DIR  the workspace (inbox, settings), as in Eclipse\n";

	/**
	 * Where the commands come from. The CLI asks for the one it runs by name, and for all of them
	 * only to list them (help, an unknown word), so a command's services start only when it runs.
	 */
	public interface Commands {

		/** The command of that name, if one is installed. */
		Optional<CliCommand> named(String name);

		/** Every installed command. */
		List<CliCommand> all();

		/** A fixed list of commands; the first of a name wins. */
		static Commands of(List<CliCommand> commands) {
			Map<String, CliCommand> byName = new TreeMap<>();
			for (CliCommand c : commands) {
				byName.putIfAbsent(c.name(), c);
			}
			return new Commands() {
				@Override
				public Optional<CliCommand> named(String name) {
					return Optional.ofNullable(byName.get(name));
				}

				@Override
				public List<CliCommand> all() {
					return List.copyOf(byName.values());
				}
			};
		}
	}

	private final Commands commands;
	private final Settings settings;
	private final Path workspace;
	private final PrintStream out;
	private final PrintStream err;
	private final InputStream in;
	private final BooleanSupplier stopRequested;
	private final String version;

	public Cli(List<CliCommand> commands, Settings settings, Path workspace, PrintStream out, PrintStream err, InputStream in,
			BooleanSupplier stopRequested, String version) {
		this(Commands.of(commands), settings, workspace, out, err, in, stopRequested, version);
	}

	public Cli(Commands commands, Settings settings, Path workspace, PrintStream out, PrintStream err, InputStream in,
			BooleanSupplier stopRequested, String version) {
		this.commands = commands;
		this.settings = settings;
		this.workspace = workspace;
		this.out = out;
		this.err = err;
		this.in = in;
		this.stopRequested = stopRequested;
		this.version = version;
	}

	public int run(List<String> args) {
		IdentityOptionParser.Parsed parsed;
		try {
			parsed = IdentityOptionParser.parse(args);
		} catch (UsageException e) {
			err.println("herald: " + e.getMessage());
			err.println("Try 'herald --help'.");
			return USAGE;
		}
		List<String> rest = parsed.rest();
		if (rest.isEmpty() || rest.get(0).equals("--help") || rest.get(0).equals("-h") || rest.get(0).equals("help")) {
			if (rest.size() > 1) {
				return helpFor(rest.get(1));
			}
			printHelp(rest.isEmpty() ? err : out);
			return rest.isEmpty() ? USAGE : OK;
		}
		String word = rest.get(0);
		if (word.equals("version") || word.equals("--version")) {
			out.println("Herald " + version);
			out.println("Java " + Runtime.version() + " on " + System.getProperty("os.name") + " " + System.getProperty("os.arch"));
			return OK;
		}
		if (word.equals("config")) {
			return config(parsed.options(), rest.subList(1, rest.size()));
		}
		CliCommand command = commands.named(word).orElse(null);
		if (command == null) {
			err.println("herald: unknown command '" + word + "'. Commands: " + String.join(", ", names()));
			err.println("Try 'herald --help'.");
			return USAGE;
		}
		List<String> commandArgs = new ArrayList<>(rest.subList(1, rest.size()));
		if (commandArgs.contains("--help") || commandArgs.contains("-h")) {
			out.println(command.usage());
			out.println();
			out.print(IDENTITY_HELP);
			return OK;
		}
		Identity identity;
		try {
			identity = parsed.options().applyTo(settings.identity());
		} catch (IllegalArgumentException e) {
			err.println("herald: the saved settings are not valid (" + e.getMessage() + "); give the option on the command line or fix them in Preferences");
			return USAGE;
		}
		try {
			return command.run(context(identity), commandArgs);
		} catch (UsageException e) {
			err.println("herald " + word + ": " + e.getMessage());
			err.println(command.usage());
			return USAGE;
		} catch (Exception e) {
			err.println("herald " + word + ": " + Optional.ofNullable(e.getMessage()).orElse(e.toString()));
			return FAILURE;
		} catch (LinkageError | StackOverflowError | AssertionError e) {
			// not the user's fault, but never an exit status of 0 with nothing said
			err.println("herald " + word + ": internal error: " + e + " (is the installation complete and of one version?)");
			return FAILURE;
		}
	}

	/** {@code herald config [save]}: shows the identity in effect, or saves the options given into the workspace. */
	private int config(org.herald.api.IdentityOptions options, List<String> args) {
		if (args.size() > 1 || (args.size() == 1 && !args.get(0).equals("save"))) {
			err.println("herald config: usage: herald config [save] [--name NAME] [--workgroup WG] [--interfaces IP/PREFIX,...] [--wins IP]");
			return USAGE;
		}
		Identity identity;
		try {
			identity = options.applyTo(settings.identity());
		} catch (IllegalArgumentException e) {
			err.println("herald config: " + e.getMessage());
			return USAGE;
		}
		if (!args.isEmpty()) {
			try {
				settings.save(identity);
			} catch (java.io.IOException e) {
				err.println("herald config: " + e.getMessage());
				return FAILURE;
			}
			out.println("saved in " + workspace);
		}
		out.println("name       " + identity.name());
		out.println("workgroup  " + identity.workgroup());
		out.println("interfaces " + (identity.interfaces().isEmpty() ? "(none: Herald binds nowhere)"
				: String.join(",", identity.interfaces().stream().map(Object::toString).toList())));
		out.println("wins       " + identity.wins().map(w -> w.getHostAddress()).orElse("(none: B-node)"));
		return OK;
	}

	private int helpFor(String word) {
		CliCommand command = commands.named(word).orElse(null);
		if (command == null) {
			err.println("herald: unknown command '" + word + "'");
			return USAGE;
		}
		out.println(command.usage());
		out.println();
		out.print(IDENTITY_HELP);
		return OK;
	}

	private List<String> names() {
		List<String> names = new ArrayList<>(Commands.of(commands.all()).all().stream().map(CliCommand::name).toList());
		names.add("version");
		names.add("config");
		names.sort(Comparator.naturalOrder());
		return names;
	}

	private void printHelp(PrintStream to) {
		to.println("Usage: herald [COMMAND] [OPTIONS]");
		to.println("Without a command, 'herald' opens the workbench.");
		to.println();
		to.println("Commands:");
		to.printf("  %-10s %s%n", "config", "show the identity in effect; 'config save' keeps the options given in the workspace");
		to.printf("  %-10s %s%n", "version", "print Herald's version");
		for (CliCommand c : Commands.of(commands.all()).all()) { // by name, the first of a name
			to.printf("  %-10s %s%n", c.name(), c.summary());
		}
		to.println();
		to.print(IDENTITY_HELP);
		to.println();
		to.println("'herald COMMAND --help' tells more about a command.");
		to.println("Exit status: 0 success, 1 failure, 2 usage error.");
	}

	private CommandContext context(Identity identity) {
		return new CommandContext() {
			@Override
			public Identity identity() {
				return identity;
			}

			@Override
			public Path workspace() {
				return workspace;
			}

			@Override
			public PrintStream out() {
				return out;
			}

			@Override
			public PrintStream err() {
				return err;
			}

			@Override
			public InputStream in() {
				return in;
			}

			@Override
			public boolean stopRequested() {
				return stopRequested.getAsBoolean();
			}
		};
	}
}
