/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.internal;

import java.util.ArrayList;
import java.util.List;

import org.herald.api.cli.ParsedOptions;
import org.herald.api.cli.UsageException;
import org.herald.messenger.MessengerPorts;

/** A small reader of CLI arguments: options with values, flags, positionals. */
final class CliOptions {

	private final List<String> args;
	private int pos;
	private final List<String> positionals = new ArrayList<>();

	CliOptions(List<String> args) {
		this.args = args;
	}

	boolean hasNext() {
		return pos < args.size();
	}

	String next() {
		return args.get(pos++);
	}

	String value(String option) throws UsageException {
		if (pos >= args.size()) {
			throw new UsageException(option + " needs a value");
		}
		return args.get(pos++);
	}

	void positional(String s) {
		positionals.add(s);
	}

	List<String> positionals() {
		return positionals;
	}

	static int integer(String option, String text, int min, int max) throws UsageException {
		return ParsedOptions.integer(option, text, min, max);
	}

	/** {@code SESSION,DIRECT,DATAGRAM}, e.g. {@code 139,445,138}; 0 disables one. */
	static MessengerPorts ports(String text) throws UsageException {
		String[] p = text.split(",", -1);
		if (p.length != 3) {
			throw new UsageException("--ports wants SESSION,DIRECT,DATAGRAM, e.g. 139,445,138, not '" + text + "'");
		}
		return new MessengerPorts(integer("--ports", p[0].strip(), 0, 65535), integer("--ports", p[1].strip(), 0, 65535),
				integer("--ports", p[2].strip(), 0, 65535));
	}
}
