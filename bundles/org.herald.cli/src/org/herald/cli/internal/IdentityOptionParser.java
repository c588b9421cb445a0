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
import org.herald.api.cli.Options;
import org.herald.api.cli.ParsedOptions;
import org.herald.api.cli.UsageException;

/**
 * Takes the identity options that every command accepts ({@code --name --workgroup --interfaces
 * --wins}, as {@code --opt VALUE} or {@code --opt=VALUE}, anywhere on the line) off the arguments,
 * with {@link Options#parseKnown}: the command gets the rest.
 */
final class IdentityOptionParser {

	/** The options found, and the arguments left for the command. */
	record Parsed(IdentityOptions options, List<String> rest) {
	}

	private IdentityOptionParser() {
	}

	/** The identity options; {@link Cli#IDENTITY_HELP} is written from them. */
	static final Options OPTIONS = new Options()
			.value("--name", "NAME", "this host's NetBIOS name")
			.value("--workgroup", "WG", "the workgroup")
			.value("--interfaces", "IP/PREFIX[,IP/PREFIX...]", "bind only to these interfaces (like Samba's 'interfaces')")
			.value("--wins", "IP", "the WINS server (H-node); without it Herald is a B-node");

	/** Takes the identity options off {@code args} (from a {@code --} on, nothing more is taken); the rest stays in order. */
	static Parsed parse(List<String> args) throws UsageException {
		ParsedOptions p = OPTIONS.parseKnown(args);
		Optional<String> name = p.has("--name") ? Optional.of(netbiosName("--name", p.string("--name").orElseThrow())) : Optional.empty();
		Optional<String> workgroup = p.has("--workgroup") ? Optional.of(netbiosName("--workgroup", p.string("--workgroup").orElseThrow()))
				: Optional.empty();
		Optional<List<BindInterface>> interfaces = p.has("--interfaces") ? Optional.of(interfaces(p.string("--interfaces").orElseThrow()))
				: Optional.empty();
		Optional<Inet4Address> wins = p.ipv4("--wins");
		return new Parsed(new IdentityOptions(name, workgroup, interfaces, wins), p.operands());
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
}
