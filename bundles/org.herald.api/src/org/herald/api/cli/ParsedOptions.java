/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.api.cli;

import java.net.Inet4Address;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.herald.api.BindInterface;

/** What {@link Options#parse} found: the options given, and the operands in order. */
public final class ParsedOptions {

	private final Map<String, List<String>> values;
	private final List<String> operands;

	ParsedOptions(Map<String, List<String>> values, List<String> operands) {
		this.values = values;
		this.operands = List.copyOf(operands);
	}

	public boolean has(String option) {
		return values.containsKey(option);
	}

	public Optional<String> string(String option) {
		List<String> v = values.get(option);
		return v == null ? Optional.empty() : Optional.of(v.get(v.size() - 1));
	}

	/** Every value of a repeatable option, in order. */
	public List<String> all(String option) {
		return List.copyOf(values.getOrDefault(option, List.of()));
	}

	public int integer(String option, int min, int max, int otherwise) throws UsageException {
		Optional<String> v = string(option);
		return v.isEmpty() ? otherwise : integer(option, v.get(), min, max);
	}

	public Duration millis(String option, int min, int max, Duration otherwise) throws UsageException {
		Optional<String> v = string(option);
		return v.isEmpty() ? otherwise : Duration.ofMillis(integer(option, v.get(), min, max));
	}

	public Optional<Inet4Address> ipv4(String option) throws UsageException {
		Optional<String> v = string(option);
		return v.isEmpty() ? Optional.empty() : Optional.of(ipv4(option, v.get()));
	}

	public List<String> operands() {
		return operands;
	}

	/** {@code text} as a number in {@code [min, max]}, or the usual complaint about {@code option}. */
	public static int integer(String option, String text, int min, int max) throws UsageException {
		try {
			int v = Integer.parseInt(text);
			if (v >= min && v <= max) {
				return v;
			}
		} catch (NumberFormatException e) {
			// reported below
		}
		throw new UsageException(option + " wants a number from " + min + " to " + max + ", not '" + text + "'");
	}

	public static Inet4Address ipv4(String option, String text) throws UsageException {
		try {
			return BindInterface.parseIpv4(text.strip());
		} catch (IllegalArgumentException e) {
			throw new UsageException(option + ": " + e.getMessage());
		}
	}
}
