/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.dev;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

import org.herald.api.BindInterface;
import org.herald.api.Identity;
import org.herald.api.cli.CliCommand;
import org.herald.api.cli.CommandContext;
import org.herald.api.cli.UsageException;
import org.herald.messenger.internal.ListenCommand;
import org.herald.messenger.internal.SendCommand;
import org.herald.netbios.internal.ClientSettings;
import org.herald.netbios.internal.NbnsClient;
import org.herald.netbios.internal.NbnsResponder;
import org.herald.netbios.internal.ResponderSettings;

/**
 * A crude stand-in for the Herald CLI, for the interop scripts until the product exists:
 * {@code DevHerald <send|listen> ... --name X --workgroup WG --interfaces IP/PREFIX[,...] [--wins IP]
 * [--inbox DIR] [--register]}. send resolves names with the name service client; listen stores
 * into DIR with {@link FileSink} (else only prints) and with --register runs the name responder
 * (registers NAME&lt;00&gt;/&lt;03&gt;, answers queries).
 */
public final class DevHerald {

	private DevHerald() {
	}

	public static void main(String[] argv) throws Exception {
		String name = "HERALD";
		String workgroup = "WORKGROUP";
		List<BindInterface> interfaces = new ArrayList<>();
		Optional<java.net.Inet4Address> wins = Optional.empty();
		Path inbox = null;
		boolean register = false;
		String command = null;
		List<String> rest = new ArrayList<>();
		for (int i = 0; i < argv.length; i++) {
			String a = argv[i];
			switch (a) {
			case "--name" -> name = argv[++i];
			case "--workgroup" -> workgroup = argv[++i];
			case "--interfaces" -> {
				for (String s : argv[++i].split(",")) {
					interfaces.add(BindInterface.parse(s));
				}
			}
			case "--wins" -> wins = Optional.of(BindInterface.parseIpv4(argv[++i]));
			case "--inbox" -> inbox = Path.of(argv[++i]);
			case "--register" -> register = true;
			case "-data" -> i++; // the product's workspace option: the dev runner has no workspace
			default -> {
				if (command == null && !a.startsWith("-")) {
					command = a;
				} else {
					rest.add(a);
				}
			}
			}
		}
		Identity identity = new Identity(name, workgroup, interfaces, wins);
		int status;
		try (NbnsClient client = new NbnsClient(identity, ClientSettings.defaults())) {
			NbnsResponder responder = null;
			CliCommand cmd;
			if ("send".equals(command)) {
				cmd = new SendCommand(client);
			} else if ("listen".equals(command)) {
				if (register) {
					responder = new NbnsResponder(identity, ResponderSettings.defaults());
					responder.start().join();
				}
				cmd = new ListenCommand(inbox != null ? new FileSink(inbox) : null, responder);
			} else {
				System.err.println("usage: DevHerald <send|listen> ... --name X --workgroup WG --interfaces IP/PREFIX");
				System.exit(2);
				return;
			}
			status = run(cmd, identity, rest);
			if (responder != null) {
				responder.close();
			}
		}
		System.exit(status);
	}

	private static int run(CliCommand cmd, Identity identity, List<String> args) throws Exception {
		CountDownLatch done = new CountDownLatch(1);
		Context context = new Context(identity);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			context.stop = true;
			try {
				done.await(5, java.util.concurrent.TimeUnit.SECONDS);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}));
		try {
			return cmd.run(context, args);
		} catch (UsageException e) {
			System.err.println("herald " + cmd.name() + ": " + e.getMessage());
			System.err.println(cmd.usage());
			return 2;
		} finally {
			done.countDown();
		}
	}

	private static final class Context implements CommandContext {
		private final Identity identity;
		volatile boolean stop;

		Context(Identity identity) {
			this.identity = identity;
		}

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
			return stop;
		}
	}
}
