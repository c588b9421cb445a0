/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.alerter.internal;

import java.io.PrintStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.herald.alerter.Alert;
import org.herald.alerter.AlertRule;
import org.herald.alerter.AlertService;
import org.herald.api.cli.CliCommand;
import org.herald.api.cli.CommandContext;
import org.herald.api.cli.UsageException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code herald alerts}: the Alerter's rules, admins and recorded alerts. */
@Component(service = CliCommand.class)
public final class AlertsCommand implements CliCommand {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

	private final AlertService alerter;

	@Activate
	public AlertsCommand(@Reference AlertService alerter) {
		this.alerter = alerter;
	}

	@Override
	public String name() {
		return "alerts";
	}

	@Override
	public String summary() {
		return "the Alerter's rules and recorded alerts (example extension)";
	}

	@Override
	public String usage() {
		return """
				herald alerts list                      the rules, the admins and the recorded alerts
				herald alerts add host-appears NAME|*   when a host appears in the browse list
				herald alerts add host-offline NAME|*   when a host goes offline from the browse list
				herald alerts add exposure-high RANGE   when an exposure check rates a host of RANGE HIGH
				herald alerts remove RULE               e.g. r2
				herald alerts admins NAME|@WORKGROUP... who gets the Messenger pop-up (none: clears)
				herald alerts test RULE                 fires RULE now: the pop-up goes out, the alert is recorded
				Exit status: 0 done, 1 failure, 2 wrong arguments.""";
	}

	@Override
	public int run(CommandContext context, List<String> args) throws UsageException {
		PrintStream out = context.out();
		if (args.isEmpty()) {
			throw new UsageException("alerts needs list, add, remove, admins or test");
		}
		List<String> rest = args.subList(1, args.size());
		switch (args.get(0)) {
			case "list" -> {
				List<AlertRule> rules = alerter.rules();
				out.println(rules.isEmpty() ? "no rules" : "rules:");
				rules.forEach(r -> out.println("  " + r.id() + "  " + r.text()));
				List<String> admins = alerter.admins();
				out.println("admins: " + (admins.isEmpty() ? "none" : String.join(", ", admins)));
				List<Alert> alerts = alerter.alerts();
				out.println(alerts.isEmpty() ? "no alerts recorded" : "alerts:");
				alerts.forEach(a -> out.println("  " + line(a)));
			}
			case "add" -> {
				if (rest.size() != 2) {
					throw new UsageException("add wants a kind and a target, e.g. 'add host-offline FILESRV'");
				}
				try {
					AlertRule rule = alerter.add(AlertRule.Kind.of(rest.get(0)), rest.get(1));
					out.println("added " + rule.id() + "  " + rule.text());
				} catch (IllegalArgumentException e) {
					throw new UsageException(e.getMessage());
				}
			}
			case "remove" -> {
				if (rest.size() != 1) {
					throw new UsageException("remove wants one RULE id (herald alerts list shows them)");
				}
				if (!alerter.remove(rest.get(0))) {
					context.err().println("herald alerts: no rule '" + rest.get(0) + "'");
					return 1;
				}
				out.println("removed " + rest.get(0));
			}
			case "admins" -> {
				try {
					alerter.setAdmins(rest.stream().flatMap(s -> Arrays.stream(s.split(","))).map(String::strip).filter(s -> !s.isEmpty()).toList());
				} catch (IllegalArgumentException e) {
					throw new UsageException(e.getMessage());
				}
				out.println("admins: " + (alerter.admins().isEmpty() ? "none" : String.join(", ", alerter.admins())));
			}
			case "test" -> {
				if (rest.size() != 1) {
					throw new UsageException("test wants one RULE id");
				}
				Optional<Alert> alert = alerter.test(rest.get(0));
				if (alert.isEmpty()) {
					context.err().println("herald alerts: no rule '" + rest.get(0) + "'");
					return 1;
				}
				out.println(line(alert.get()));
			}
			default -> throw new UsageException("unknown alerts action '" + args.get(0) + "' (list, add, remove, admins, test)");
		}
		return 0;
	}

	private static String line(Alert a) {
		return TIME.format(a.time()) + "  " + a.rule() + "  " + a.text() + "  [" + a.delivery() + "]";
	}
}
