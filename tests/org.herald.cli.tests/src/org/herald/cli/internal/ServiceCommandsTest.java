/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.herald.api.cli.CliCommand;
import org.herald.api.cli.CommandContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceFactory;
import org.osgi.framework.ServiceRegistration;

/**
 * Commands registered in the real framework as service factories, so the test sees which ones the
 * CLI started: only the command that runs, unless a command does not declare its name.
 */
class ServiceCommandsTest {

	private final BundleContext bc = FrameworkUtil.getBundle(ServiceCommandsTest.class).getBundleContext();
	private final String run = UUID.randomUUID().toString();
	private final List<ServiceRegistration<?>> registrations = new ArrayList<>();
	private final Map<String, Integer> started = new TreeMap<>();
	private final ServiceCommands commands = new ServiceCommands(bc, "(test.run=" + run + ")");

	@AfterEach
	void close() {
		registrations.forEach(ServiceRegistration::unregister);
	}

	/** Registers a command; {@code declared} is its herald.command property (null: none), {@code label} tells the instances apart. */
	private void register(String name, String declared, int ranking, String label) {
		Dictionary<String, Object> props = new Hashtable<>();
		props.put("test.run", run);
		props.put(Constants.SERVICE_RANKING, ranking);
		if (declared != null) {
			props.put(ServiceCommands.NAME, declared);
		}
		registrations.add(bc.registerService(CliCommand.class.getName(), new ServiceFactory<CliCommand>() {
			@Override
			public CliCommand getService(Bundle bundle, ServiceRegistration<CliCommand> registration) {
				started.merge(label, 1, Integer::sum);
				return new Named(name, label);
			}

			@Override
			public void ungetService(Bundle bundle, ServiceRegistration<CliCommand> registration, CliCommand service) {
			}
		}, props));
	}

	@Test
	void theCommandThatRunsIsTheOnlyOneStarted() {
		register("send", "send", 0, "send");
		register("inbox", "inbox", 0, "inbox");
		register("alerts", null, 0, "alerts (no property)");
		assertEquals("send", ((Named) commands.named("send").orElseThrow()).label);
		assertEquals(Map.of("send", 1), started, "only send was started");
	}

	@Test
	void aCommandWithoutThePropertyIsFoundByStartingTheUndeclaredOnly() {
		register("send", "send", 0, "send");
		register("alerts", null, 0, "alerts (no property)");
		assertEquals("alerts (no property)", ((Named) commands.named("alerts").orElseThrow()).label);
		assertEquals(Map.of("alerts (no property)", 1), started);
		assertTrue(commands.named("frobnicate").isEmpty());
		assertEquals(Map.of("alerts (no property)", 1), started, "an unknown word starts no declared command");
	}

	@Test
	void ofTwoCommandsOfOneNameTheHigherRankingWins() {
		register("send", "send", 1, "low");
		register("send", "send", 7, "high");
		register("send", null, 9, "undeclared");
		assertEquals("high", ((Named) commands.named("send").orElseThrow()).label);
		assertEquals(Map.of("high", 1), started);
	}

	@Test
	void listingStartsEveryCommand() {
		register("send", "send", 0, "send");
		register("alerts", null, 0, "alerts");
		assertEquals(List.of("alerts", "send"), commands.all().stream().map(CliCommand::name).sorted().toList());
		assertEquals(Map.of("alerts", 1, "send", 1), started);
	}

	private static final class Named implements CliCommand {
		private final String name;
		final String label;

		Named(String name, String label) {
			this.name = name;
			this.label = label;
		}

		@Override
		public String name() {
			return name;
		}

		@Override
		public String summary() {
			return label;
		}

		@Override
		public String usage() {
			return "herald " + name;
		}

		@Override
		public int run(CommandContext context, List<String> args) {
			return 0;
		}
	}
}
