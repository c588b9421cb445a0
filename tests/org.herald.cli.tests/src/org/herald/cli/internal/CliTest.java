/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.herald.api.BindInterface;
import org.herald.api.Settings;
import org.herald.api.cli.CliCommand;
import org.herald.api.cli.CommandContext;
import org.herald.api.cli.UsageException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/** The CLI against the real settings service of the OSGi test runtime. */
class CliTest {

	/** A command that prints the identity it was given, fails on "fail", breaks on "broken", and refuses "bad". */
	static final class WhoAmI implements CliCommand {
		@Override
		public String name() {
			return "whoami";
		}

		@Override
		public String summary() {
			return "print the identity";
		}

		@Override
		public String usage() {
			return "Usage: herald whoami [fail|bad]";
		}

		@Override
		public int run(CommandContext context, List<String> args) throws Exception {
			if (args.contains("bad")) {
				throw new UsageException("'bad' is not an argument of whoami");
			}
			if (args.contains("fail")) {
				throw new IllegalStateException("it failed on purpose");
			}
			if (args.contains("broken")) {
				// what a bundle built against another version of its neighbour throws
				throw new NoSuchMethodError("'void org.example.Gone.method()'");
			}
			var id = context.identity();
			context.out().println(id.name() + " " + id.workgroup() + " "
					+ id.interfaces().stream().map(BindInterface::toString).collect(Collectors.joining(",")) + " "
					+ id.wins().map(w -> w.getHostAddress()).orElse("-") + " " + String.join("|", args));
			return 0;
		}
	}

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();
	private final ByteArrayOutputStream err = new ByteArrayOutputStream();
	private Cli cli;
	private Settings settings;
	private org.herald.api.Identity original;

	@BeforeEach
	void setUp() throws Exception {
		var bc = FrameworkUtil.getBundle(CliTest.class).getBundleContext();
		ServiceTracker<Settings, Settings> tracker = new ServiceTracker<>(bc, Settings.class, null);
		tracker.open();
		settings = tracker.waitForService(10_000);
		assertNotNull(settings, "no Settings service");
		original = settings.identity();
		cli = new Cli(List.of(new WhoAmI()), settings, Path.of("."), new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8), new ByteArrayInputStream(new byte[0]), () -> false, "9.9.9");
	}

	private int run(String... args) {
		return cli.run(List.of(args));
	}

	private String out() {
		return out.toString(StandardCharsets.UTF_8);
	}

	private String err() {
		return err.toString(StandardCharsets.UTF_8);
	}

	@Test
	void identityOptionsStandAnywhereAndOverrideTheSavedSettings() {
		assertEquals(Cli.OK, run("--name", "alpha", "whoami", "x", "--interfaces=127.0.0.2/8,127.3.0.1/16", "--wins", "127.0.0.3",
				"--workgroup", "lab", "y"));
		assertEquals("ALPHA LAB 127.0.0.2/8,127.3.0.1/16 127.0.0.3 x|y", out().strip());
	}

	@Test
	void savedSettingsApplyWhereNoOptionIsGiven() {
		assertEquals(Cli.OK, run("whoami"));
		assertTrue(out().contains(" WORKGROUP "), out());
	}

	@Test
	void unknownCommandIsAUsageErrorThatNamesIt() {
		assertEquals(Cli.USAGE, run("frobnicate"));
		assertTrue(err().contains("unknown command 'frobnicate'"), err());
		assertTrue(err().contains("whoami"), "the error lists the commands: " + err());
	}

	@Test
	void badOptionValuesSayWhatIsWrong() {
		assertEquals(Cli.USAGE, run("whoami", "--interfaces", "127.0.0.2"));
		assertTrue(err().contains("--interfaces: interface '127.0.0.2' needs a prefix length"), err());
		assertEquals(Cli.USAGE, run("whoami", "--wins", "wins.example"));
		assertTrue(err().contains("--wins: not an IPv4 address"), err());
		assertEquals(Cli.USAGE, run("whoami", "--name", "THIS-NAME-IS-TOO-LONG"));
		assertTrue(err().contains("longer than 15"), err());
		assertEquals(Cli.USAGE, run("whoami", "--name"));
		assertTrue(err().contains("--name needs a value"), err());
	}

	@Test
	void commandUsageErrorsExitTwoWithTheUsage() {
		assertEquals(Cli.USAGE, run("whoami", "bad"));
		assertTrue(err().contains("herald whoami: 'bad' is not an argument"), err());
		assertTrue(err().contains("Usage: herald whoami"), err());
	}

	@Test
	void commandFailuresExitOneWithTheReason() {
		assertEquals(Cli.FAILURE, run("whoami", "fail"));
		assertTrue(err().contains("it failed on purpose"), err());
	}

	@Test
	void anErrorInsideACommandExitsOneAndSaysSoInsteadOfEndingSilently() {
		assertEquals(Cli.FAILURE, run("whoami", "broken"));
		assertTrue(err().contains("herald whoami: internal error: java.lang.NoSuchMethodError: 'void org.example.Gone.method()'"), err());
	}

	@Test
	void helpListsCommandsAndIdentityOptions() {
		assertEquals(Cli.OK, run("--help"));
		assertTrue(out().contains("whoami     print the identity"), out());
		assertTrue(out().contains("--interfaces IP/PREFIX"), out());
		assertEquals(Cli.OK, run("whoami", "--help"));
		assertTrue(out().contains("Usage: herald whoami"), out());
	}

	@Test
	void noArgumentsIsAUsageError() {
		assertEquals(Cli.USAGE, run());
		assertTrue(err().contains("Usage: herald"), err());
	}

	@Test
	void configSavesTheOptionsGivenIntoTheWorkspaceAndShowsThem() {
		assertEquals(Cli.OK, run("config", "save", "--name", "keeper", "--interfaces", "127.0.0.2/8"));
		assertTrue(out().contains("name       KEEPER"), out());
		out.reset();
		assertEquals(Cli.OK, run("config"));
		assertTrue(out().contains("interfaces 127.0.0.2/8"), "saved settings apply without options: " + out());
		assertEquals(Cli.OK, run("whoami"));
		assertTrue(out().contains("KEEPER WORKGROUP 127.0.0.2/8"), out());
		assertEquals(Cli.USAGE, run("config", "frob"));
	}

	@org.junit.jupiter.api.AfterEach
	void restoreSettings() throws Exception {
		settings.save(original);
	}

	@Test
	void versionPrintsTheVersion() {
		assertEquals(Cli.OK, run("version"));
		assertTrue(out().startsWith("Herald 9.9.9"), out());
	}
}
