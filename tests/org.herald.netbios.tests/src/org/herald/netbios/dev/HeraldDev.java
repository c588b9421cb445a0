/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.netbios.dev;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.herald.api.BindInterface;
import org.herald.api.Identity;
import org.herald.api.cli.CliCommand;
import org.herald.api.cli.CommandContext;
import org.herald.api.cli.UsageException;
import org.herald.netbios.internal.NamesCommand;

/**
 * A crude stand-in for the product's {@code herald} launcher, for development and the interop
 * script: takes {@code --name --workgroup --interfaces --wins} (and ignores {@code -data DIR}) from
 * anywhere in the arguments, and runs the {@code names} command with the rest. SIGINT/SIGTERM
 * request a stop and wait for the command to finish (so that names are released).
 */
public final class HeraldDev {

	private HeraldDev() {
	}

	public static void main(String[] argv) throws Exception {
		String name = "HERALD";
		String workgroup = "WORKGROUP";
		List<BindInterface> interfaces = new ArrayList<>();
		Optional<java.net.Inet4Address> wins = Optional.empty();
		List<String> rest = new ArrayList<>();
		try {
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
		} catch (ArrayIndexOutOfBoundsException | IllegalArgumentException e) {
			System.err.println("herald: " + e.getMessage());
			System.exit(2);
		}
		CliCommand command = new NamesCommand();
		if (rest.isEmpty() || !rest.get(0).equals(command.name())) {
			System.err.println("herald-dev knows only: " + command.name() + "\n" + command.usage());
			System.exit(2);
		}
		Identity identity = new Identity(name, workgroup, interfaces, wins);
		CountDownLatch finished = new CountDownLatch(1);
		Thread mainThread = Thread.currentThread();
		var stop = new java.util.concurrent.atomic.AtomicBoolean();
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			stop.set(true);
			try {
				finished.await(20, TimeUnit.SECONDS);
			} catch (InterruptedException e) {
				mainThread.interrupt();
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
			System.err.println("herald names: " + e.getMessage() + "\n" + command.usage());
			status = 2;
		} catch (Exception e) {
			System.err.println("herald names: " + e);
			status = 1;
		}
		System.out.flush();
		finished.countDown();
		if (!stop.get()) {
			System.exit(status);
		}
		// Stopped by a signal: the JVM is exiting already; report the status through halt.
		Runtime.getRuntime().halt(status);
	}
}
