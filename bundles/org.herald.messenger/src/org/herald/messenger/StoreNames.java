/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger;

import java.util.Locale;

/** The names of what the workspace keeps by name (recipient lists, templates): the same rule for both. */
final class StoreNames {

	/** The longest name. */
	static final int MAX = 32;

	private StoreNames() {
	}

	/**
	 * {@code text} upper-cased, if it is 1 to 32 letters, digits and (not first) {@code - _ .}.
	 *
	 * @param kind what is named, for the message ({@code list}, {@code template})
	 */
	static String check(String kind, String text) {
		String s = text.strip();
		if (s.isEmpty()) {
			throw new IllegalArgumentException("a " + kind + " name must not be empty");
		}
		if (s.length() > MAX) {
			throw new IllegalArgumentException(kind + " name '" + s + "' is longer than " + MAX + " characters");
		}
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			boolean ok = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || i > 0 && (c == '-' || c == '_' || c == '.');
			if (!ok) {
				throw new IllegalArgumentException(kind + " name '" + s + "' may have letters, digits and (not first) - _ . only; '" + c
						+ "' at position " + (i + 1) + " is not allowed");
			}
		}
		return s.toUpperCase(Locale.ROOT);
	}
}
