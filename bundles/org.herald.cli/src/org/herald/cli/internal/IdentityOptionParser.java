/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.cli.internal;

import java.net.Inet4Address;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.herald.api.BindInterface;
import org.herald.api.IdentityOptions;
import org.herald.api.NetbiosName;
import org.herald.api.cli.UsageException;

/**
 * Takes the identity options that every command accepts ({@code --name --workgroup --interfaces
 * --wins}, as {@code --opt VALUE} or {@code --opt=VALUE}, anywhere on the line) off the arguments.
 */
final class IdentityOptionParser {

	/** The options found, and the arguments left for the command. */
	record Parsed(IdentityOptions options, List<String> rest) {
	}

	private IdentityOptionParser() {
	}

	static Parsed parse(List<String> args) throws UsageException {
		Optional<String> name = Optional.empty();
		Optional<String> workgroup = Optional.empty();
		Optional<List<BindInterface>> interfaces = Optional.empty();
		Optional<Inet4Address> wins = Optional.empty();
		List<String> rest = new ArrayList<>();
		for (int i = 0; i < args.size(); i++) {
			String arg = args.get(i);
			String option = arg;
			String value = null;
			int eq = arg.indexOf('=');
			if (arg.startsWith("--") && eq > 0) {
				option = arg.substring(0, eq);
				value = arg.substring(eq + 1);
			}
			switch (option) {
			case "--name", "--workgroup", "--interfaces", "--wins" -> {
				if (value == null) {
					if (i + 1 >= args.size()) {
						throw new UsageException(option + " needs a value");
					}
					value = args.get(++i);
				}
				switch (option) {
				case "--name" -> name = Optional.of(netbiosName(option, value));
				case "--workgroup" -> workgroup = Optional.of(netbiosName(option, value));
				case "--interfaces" -> interfaces = Optional.of(interfaces(value));
				default -> wins = Optional.of(ipv4(option, value));
				}
			}
			default -> rest.add(arg);
			}
		}
		return new Parsed(new IdentityOptions(name, workgroup, interfaces, wins), rest);
	}

	private static String netbiosName(String option, String value) throws UsageException {
		String problem = NetbiosName.problemWith(value.toUpperCase(Locale.ROOT));
		if (problem != null) {
			throw new UsageException(option + ": " + problem);
		}
		return value;
	}

	private static List<BindInterface> interfaces(String value) throws UsageException {
		List<BindInterface> list = new ArrayList<>();
		for (String item : value.split(",")) {
			if (item.isBlank()) {
				continue;
			}
			try {
				list.add(BindInterface.parse(item.strip()));
			} catch (IllegalArgumentException e) {
				throw new UsageException("--interfaces: " + e.getMessage());
			}
		}
		if (list.isEmpty()) {
			throw new UsageException("--interfaces needs at least one IP/PREFIX, as in 127.0.0.2/8");
		}
		return list;
	}

	static Inet4Address ipv4(String option, String value) throws UsageException {
		try {
			return BindInterface.parseIpv4(value.strip());
		} catch (IllegalArgumentException e) {
			throw new UsageException(option + ": " + e.getMessage());
		}
	}
}
