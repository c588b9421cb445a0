/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger;

import java.util.List;
import java.util.Optional;

/**
 * Where the path of a pop-up to one target breaks, step by step ({@link DeliveryDiagnosis}).
 *
 * @param target what was asked about (a name or an address)
 * @param steps  each step in the order a message takes them
 */
public record Diagnosis(String target, List<Step> steps) {

	/** What a step found. */
	public enum Outcome {
		/** This part of the path works. */
		OK,
		/** A fact about the path, neither good nor bad. */
		INFO,
		/** Something that loses messages on one path or on other days, not the one tried now. */
		WARN,
		/** The path breaks here. */
		FAIL,
		/** Not tried, because an earlier step makes it pointless. */
		SKIPPED
	}

	/**
	 * One step.
	 *
	 * @param id      a stable identifier for scripts, e.g. {@code wins}, {@code tcp-139}, {@code message-start}
	 * @param title   what was checked, in a few words
	 * @param finding what was seen, in plain words
	 * @param fix     what to do about it, where something is to be done
	 */
	public record Step(String id, String title, Outcome outcome, String finding, Optional<String> fix) {
	}

	public Diagnosis {
		steps = List.copyOf(steps);
	}

	/** The first step where the path breaks. */
	public Optional<Step> firstFailure() {
		return steps.stream().filter(s -> s.outcome() == Outcome.FAIL).findFirst();
	}

	/**
	 * The report {@code herald diagnose} prints: a heading, one numbered line per step (outcome,
	 * title, finding) with its fix beneath, and the verdict. The workbench copies the same text.
	 */
	public String report() {
		StringBuilder b = new StringBuilder("diagnosis of " + target + "\n");
		int n = 1;
		for (Step s : steps) {
			b.append(String.format("%2d. %-7s %s: %s%n", n++, s.outcome().name(), s.title(), s.finding()));
			s.fix().ifPresent(f -> b.append("             fix: ").append(f).append('\n'));
		}
		return b.append("verdict: ").append(verdict()).append('\n').toString();
	}

	/** One sentence: where it breaks and what to do, or that a message should arrive. */
	public String verdict() {
		return firstFailure().map(s -> "breaks at " + s.title() + ": " + s.finding() + s.fix().map(f -> " Fix: " + f).orElse(""))
				.orElse("a message to " + target + " should arrive: every step of the path answered");
	}
}
