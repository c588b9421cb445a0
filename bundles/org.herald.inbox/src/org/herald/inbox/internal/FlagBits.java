/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.inbox.internal;

import java.util.EnumSet;
import java.util.Set;

import org.herald.api.MessageFlag;

/** The flags column: one fixed bit per flag, so reordering the enum never changes stored data. */
final class FlagBits {

	private FlagBits() {
	}

	static int bit(MessageFlag f) {
		return switch (f) {
		case REPAIRED -> 1;
		case QUARANTINED -> 2;
		case BLOCKED -> 4;
		case ENCRYPTED -> 8;
		case URGENT -> 16;
		};
	}

	static int of(Set<MessageFlag> flags) {
		int bits = 0;
		for (MessageFlag f : flags) {
			bits |= bit(f);
		}
		return bits;
	}

	static Set<MessageFlag> flags(int bits) {
		EnumSet<MessageFlag> flags = EnumSet.noneOf(MessageFlag.class);
		for (MessageFlag f : MessageFlag.values()) {
			if ((bits & bit(f)) != 0) {
				flags.add(f);
			}
		}
		return flags;
	}

	/** Every value of the column with all of {@code with} set and all of {@code without} clear. */
	static int[] combinations(Set<MessageFlag> with, Set<MessageFlag> without) {
		int all = of(EnumSet.allOf(MessageFlag.class));
		int must = of(with);
		int mustNot = of(without);
		return java.util.stream.IntStream.rangeClosed(0, all)
				.filter(v -> (v & ~all) == 0 && (v & must) == must && (v & mustNot) == 0)
				.toArray();
	}
}
