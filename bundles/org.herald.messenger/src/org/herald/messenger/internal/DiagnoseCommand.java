/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.internal;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.herald.api.cli.CliCommand;
import org.herald.api.cli.CommandContext;
import org.herald.api.cli.Json;
import org.herald.api.cli.Options;
import org.herald.api.cli.ParsedOptions;
import org.herald.api.cli.UsageException;
import org.herald.messenger.DeliveryDiagnosis;
import org.herald.messenger.Diagnosis;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code herald diagnose TARGET}: why a pop-up to TARGET does not arrive, step by step ({@link DeliveryDiagnosis}). */
@Component(service = CliCommand.class, property = "herald.command=diagnose")
public final class DiagnoseCommand implements CliCommand {

	private static final Options OPTIONS = new Options().flag("--json", "print the steps as JSON")
			.value("--timeout", "SECONDS", "the longest wait of each step (default 3)");

	private final DeliveryDiagnosis diagnosis;

	@Activate
	public DiagnoseCommand(@Reference DeliveryDiagnosis diagnosis) {
		this.diagnosis = diagnosis;
	}

	@Override
	public String name() {
		return "diagnose";
	}

	@Override
	public String summary() {
		return "why a pop-up to a host does not arrive: the delivery path step by step, with the fix";
	}

	@Override
	public String usage() {
		return """
				usage: herald diagnose TARGET [--json] [--timeout SECONDS]
				  TARGET  a NetBIOS name (BOB) or an IPv4 address
				Walks the path a message takes: WINS and broadcast lookups of TARGET<03> (which answered), the
				target's name table (node status), TCP 139 and 445 (refused or filtered), UDP 138, the session
				request's answer, the SMB answer to a message start (abandoned before any text: nothing is
				delivered), whether it is a Herald peer. Prints each step with what to do where it breaks.
				""" + OPTIONS.usageLines() + """

				Exit status: 0 the path works, 1 it breaks somewhere, 2 wrong arguments.""";
	}

	@Override
	public int run(CommandContext context, List<String> args) throws UsageException, Exception {
		ParsedOptions p = OPTIONS.parse(args);
		if (p.operands().size() != 1) {
			throw new UsageException("diagnose takes one TARGET, a name or an address");
		}
		Duration timeout = Duration.ofSeconds(p.integer("--timeout", 1, 60, 3));
		if (context.identity().interfaces().isEmpty()) {
			throw new UsageException("no interfaces configured: give --interfaces IP/PREFIX");
		}
		Diagnosis d;
		try {
			d = diagnosis.diagnose(context.identity(), p.operands().get(0), timeout);
		} catch (IllegalArgumentException e) {
			throw new UsageException("bad target '" + p.operands().get(0) + "': " + e.getMessage());
		}
		PrintStream out = context.out();
		if (p.has("--json")) {
			out.println(Json.write(json(d)));
		} else {
			out.print(text(d));
		}
		out.flush();
		return d.firstFailure().isPresent() ? 1 : 0;
	}

	static String text(Diagnosis d) {
		return d.report();
	}

	static Map<String, Object> json(Diagnosis d) {
		List<Object> steps = new ArrayList<>();
		for (Diagnosis.Step s : d.steps()) {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("id", s.id());
			m.put("title", s.title());
			m.put("outcome", s.outcome().name());
			m.put("finding", s.finding());
			m.put("fix", s.fix());
			steps.add(m);
		}
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("target", d.target());
		m.put("ok", d.firstFailure().isEmpty());
		m.put("breaksAt", d.firstFailure().map(s -> s.id().toLowerCase(Locale.ROOT)));
		m.put("verdict", d.verdict());
		m.put("steps", steps);
		return m;
	}
}
