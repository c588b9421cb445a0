/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.browser.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.herald.api.cli.ParsedOptions;
import org.herald.api.cli.UsageException;

/** A small reader of command arguments: options with values, flags and operands. */
public final class Args {

	private final List<String> args;
	private int pos;
	private final List<String> operands = new ArrayList<>();

	public Args(List<String> args) {
		this.args = args;
	}

	public boolean hasNext() {
		return pos < args.size();
	}

	public String next() {
		return args.get(pos++);
	}

	public String value(String option) throws UsageException {
		if (pos >= args.size()) {
			throw new UsageException(option + " needs a value");
		}
		return args.get(pos++);
	}

	public int integer(String option, int min, int max) throws UsageException {
		return ParsedOptions.integer(option, value(option), min, max);
	}

	public Duration millis(String option, int min, int max) throws UsageException {
		return Duration.ofMillis(integer(option, min, max));
	}

	/** An argument that is not an option; one starting with -- is refused. */
	public void operand(String a) throws UsageException {
		if (a.startsWith("--")) {
			throw new UsageException("unknown option '" + a + "'");
		}
		operands.add(a);
	}

	public List<String> operands() {
		return operands;
	}
}
