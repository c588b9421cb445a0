/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.browser.dev;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.herald.api.BindInterface;
import org.herald.api.Identity;
import org.herald.api.cli.CliCommand;
import org.herald.api.cli.CommandContext;
import org.herald.api.cli.UsageException;
import org.herald.browser.internal.BrowseCommand;
import org.herald.browser.internal.ExposureCommand;
import org.herald.browser.internal.ScanCommand;
import org.herald.netbios.internal.NamesCommand;

/**
 * Development stand-in for the product's {@code herald} launcher with the names, browse, scan and
 * exposure commands: takes the identity options from anywhere in the arguments (ignores -data).
 * SIGINT/SIGTERM request a stop and wait for the command to end.
 */
public final class BrowserDev {

	private BrowserDev() {
	}

	public static void main(String[] argv) throws Exception {
		String name = "HERALD";
		String workgroup = "WORKGROUP";
		List<BindInterface> interfaces = new ArrayList<>();
		Optional<java.net.Inet4Address> wins = Optional.empty();
		List<String> rest = new ArrayList<>();
		for (int i = 0; i < argv.length; i++) {
			switch (argv[i]) {
				case "--name" -> name = argv[++i];
				case "--workgroup" -> workgroup = argv[++i];
				case "--interfaces" -> {
					for (String s : argv[++i].split(",")) {
						interfaces.add(BindInterface.parse(s.strip()));
					}
				}
				case "--wins" -> wins = Optional.of(BindInterface.parseIpv4(argv[++i]));
				case "-data" -> i++;
				default -> rest.add(argv[i]);
			}
		}
		List<CliCommand> commands = List.of(new NamesCommand(), new BrowseCommand(), new ScanCommand(), new ExposureCommand());
		CliCommand command = rest.isEmpty() ? null : commands.stream().filter(c -> c.name().equals(rest.get(0))).findFirst().orElse(null);
		if (command == null) {
			System.err.println("herald-dev-browser knows: names, browse, scan, exposure");
			System.exit(2);
		}
		Identity identity = new Identity(name, workgroup, interfaces, wins);
		CountDownLatch finished = new CountDownLatch(1);
		AtomicBoolean stop = new AtomicBoolean();
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			stop.set(true);
			try {
				finished.await(20, TimeUnit.SECONDS);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}));
		CommandContext context = new CommandContext() {
			@Override
			public Identity identity() {
				return identity;
			}

			@Override
			public Path workspace() {
				return Path.of(System.getProperty("java.io.tmpdir"));
			}

			@Override
			public PrintStream out() {
				return System.out;
			}

			@Override
			public PrintStream err() {
				return System.err;
			}

			@Override
			public InputStream in() {
				return System.in;
			}

			@Override
			public boolean stopRequested() {
				return stop.get();
			}
		};
		int status;
		try {
			status = command.run(context, rest.subList(1, rest.size()));
		} catch (UsageException e) {
			System.err.println("herald " + command.name() + ": " + e.getMessage());
			status = 2;
		} catch (Exception e) {
			System.err.println("herald " + command.name() + ": " + e);
			status = 1;
		} finally {
			System.out.flush();
			finished.countDown();
		}
		if (!stop.get()) {
			System.exit(status);
		}
	}
}
