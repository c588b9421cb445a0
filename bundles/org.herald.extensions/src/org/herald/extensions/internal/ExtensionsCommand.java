/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.extensions.internal;

import java.io.PrintStream;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.herald.api.cli.CliCommand;
import org.herald.api.cli.CommandContext;
import org.herald.api.cli.Json;
import org.herald.api.cli.Options;
import org.herald.api.cli.ParsedOptions;
import org.herald.api.cli.UsageException;
import org.herald.extensions.Change;
import org.herald.extensions.Extension;
import org.herald.extensions.ExtensionException;
import org.herald.extensions.ExtensionService;
import org.herald.extensions.Repositories;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code herald extensions}: list, install, uninstall and update extensions of this installation. */
@Component(service = CliCommand.class, property = "herald.command=extensions")
public final class ExtensionsCommand implements CliCommand {

	private static final String USAGE = """
			herald extensions list [--json]
			herald extensions available REPOSITORY [--json]
			herald extensions install REPOSITORY [UNIT...] [--allow-unsigned]
			herald extensions uninstall UNIT...
			herald extensions update [UNIT...] [--allow-unsigned]
			herald extensions repositories [add REPOSITORY]
			    Changes this installation (its own p2 profile); a change takes effect when Herald restarts.
			    REPOSITORY: a p2 repository folder, a .zip of one, or a file:, http: or https: URL.
			    UNIT: a feature id (org.example.feature), a p2 id, or ID/VERSION; install without a UNIT
			    installs everything the repository's categories offer. update looks in the repositories
			    earlier installs came from and in those named with 'repositories add'.
			    Unsigned content is refused unless --allow-unsigned.
			    A failed change leaves the installation as it was. The administrator turns changes off
			    with herald.extensions.locked=true (configuration/config.ini or -D).
			Exit status: 0 done (or nothing to do), 1 failure, 2 wrong arguments.""";

	private static final Options OPTIONS = new Options()
			.flag("--allow-unsigned", "install content that is unsigned or signed by keys nobody trusted")
			.flag("--json", "list as JSON");

	private final ExtensionService extensions;

	@Activate
	public ExtensionsCommand(@Reference ExtensionService extensions) {
		this.extensions = extensions;
	}

	@Override
	public String name() {
		return "extensions";
	}

	@Override
	public String summary() {
		return "list, install, uninstall and update extensions from p2 repositories";
	}

	@Override
	public String usage() {
		return USAGE + "\nOptions:\n" + OPTIONS.usageLines();
	}

	@Override
	public int run(CommandContext context, List<String> args) throws UsageException, Exception {
		ParsedOptions a = OPTIONS.parse(args);
		List<String> operands = a.operands();
		if (operands.isEmpty()) {
			throw new UsageException("extensions needs list, available, install, uninstall, update or repositories");
		}
		String verb = operands.get(0);
		List<String> rest = operands.subList(1, operands.size());
		boolean allowUnsigned = a.has("--allow-unsigned");
		PrintStream out = context.out();
		NullProgressMonitor monitor = new NullProgressMonitor() {
			@Override
			public boolean isCanceled() {
				return super.isCanceled() || context.stopRequested();
			}
		};
		try {
			switch (verb) {
				case "list" -> {
					none(rest, verb);
					print(out, extensions.installed(), a.has("--json"), "no extensions are installed");
				}
				case "available" -> {
					URI repo = repository(rest, verb);
					print(out, extensions.available(repo, monitor), a.has("--json"), repo + " offers nothing to install");
				}
				case "repositories" -> {
					if (!rest.isEmpty() && rest.get(0).equals("add")) {
						URI repo = repository(rest.subList(1, rest.size()), "repositories add");
						extensions.addRepository(repo, monitor);
						out.println("added " + repo + "; herald extensions update looks there");
					} else {
						none(rest, verb);
						extensions.repositories().forEach(out::println);
					}
				}
				case "install" -> {
					URI repo = repository(rest, verb);
					out.println("installing from " + repo + (extensions.locked() ? "" : " ..."));
					report(out, extensions.install(repo, rest.subList(1, rest.size()), allowUnsigned, monitor));
				}
				case "uninstall" -> {
					if (rest.isEmpty()) {
						throw new UsageException("uninstall needs the UNIT to remove (herald extensions list shows them)");
					}
					report(out, extensions.uninstall(rest, monitor));
				}
				case "update" -> report(out, extensions.update(rest, allowUnsigned, monitor));
				default -> throw new UsageException("unknown extensions action '" + verb + "' (list, available, install, uninstall, update, repositories)");
			}
			return 0;
		} catch (ExtensionException e) {
			context.err().println("herald extensions " + verb + ": " + e.getMessage());
			return 1;
		}
	}

	private static void none(List<String> rest, String verb) throws UsageException {
		if (!rest.isEmpty()) {
			throw new UsageException(verb + " takes no arguments, not '" + rest.get(0) + "'");
		}
	}

	private static URI repository(List<String> rest, String verb) throws UsageException {
		if (rest.isEmpty()) {
			throw new UsageException(verb + " needs a REPOSITORY (a folder, a .zip, or a file:, http: or https: URL)");
		}
		if ((verb.equals("available") || verb.equals("repositories add")) && rest.size() > 1) {
			throw new UsageException(verb + " takes one REPOSITORY");
		}
		try {
			return Repositories.parse(rest.get(0));
		} catch (IllegalArgumentException e) {
			throw new UsageException(e.getMessage());
		}
	}

	private static void print(PrintStream out, List<Extension> list, boolean json, String empty) {
		if (json) {
			out.println(Json.write(list.stream().map(e -> {
				Map<String, Object> m = new LinkedHashMap<>();
				m.put("id", e.shortId());
				m.put("unit", e.id());
				m.put("version", e.version());
				m.put("name", e.name());
				m.put("vendor", e.vendor());
				return m;
			}).toList()));
			return;
		}
		if (list.isEmpty()) {
			out.println(empty);
		}
		for (Extension e : list) {
			out.println(e.shortId() + "  " + e.version() + "  " + e.name() + (e.vendor().isEmpty() ? "" : "  (" + e.vendor() + ")"));
		}
	}

	private static void report(PrintStream out, Change change) {
		change.added().forEach(e -> out.println("installed " + e.shortId() + " " + e.version()));
		change.removed().forEach(e -> out.println("removed " + e.shortId() + " " + e.version()));
		out.println(change.message());
	}
}
