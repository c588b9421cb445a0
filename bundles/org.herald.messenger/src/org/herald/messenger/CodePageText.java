/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger;

import java.util.ArrayList;
import java.util.List;

/**
 * How rules are kept in the workspace's preferences: one rule a line, {@code KIND<TAB>MATCH<TAB>CODEPAGE}
 * (e.g. {@code host	DOSBOX	IBM866}, {@code address	198.51.100.0/24	IBM866}, {@code workgroup	ATHENS	x-IBM737}).
 * Neither names nor code page names can hold a tab or a line end.
 */
public final class CodePageText {

	/** Rules read back, and the lines that could not be (a code page this Java lacks, a hand-edited line). */
	public record Decoded(List<CodePageRule> rules, List<String> problems) {
		public Decoded {
			rules = List.copyOf(rules);
			problems = List.copyOf(problems);
		}
	}

	private CodePageText() {
	}

	public static String encode(List<CodePageRule> rules) {
		StringBuilder b = new StringBuilder();
		for (CodePageRule r : rules) {
			b.append(r.match().kind()).append('\t').append(r.match().text()).append('\t').append(r.codePage().name()).append('\n');
		}
		return b.toString();
	}

	public static Decoded decode(String text) {
		List<CodePageRule> rules = new ArrayList<>();
		List<String> problems = new ArrayList<>();
		for (String line : text.split("\n")) {
			if (line.isBlank()) {
				continue;
			}
			String[] f = line.split("\t", -1);
			if (f.length != 3) {
				problems.add("'" + line.strip() + "': not KIND<TAB>MATCH<TAB>CODEPAGE");
				continue;
			}
			try {
				rules.add(new CodePageRule(CodePageMatch.of(f[0], f[1]), CodePageRule.codePage(f[2])));
			} catch (IllegalArgumentException e) {
				problems.add("'" + line.strip().replace('\t', ' ') + "': " + e.getMessage());
			}
		}
		return new Decoded(rules, problems);
	}
}
