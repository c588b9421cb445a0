/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.inbox.internal;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Splits text into the words the word index holds: runs of letters and digits, lower-cased, at least
 * {@value #MIN_WORD_LENGTH} characters; longer than {@value #MAX_WORD_LENGTH} they are cut (the same
 * cut applies to the words searched for, so they still match).
 */
final class Words {

	static final int MIN_WORD_LENGTH = 2;
	static final int MAX_WORD_LENGTH = 40;
	/** A message contributes at most this many distinct words to the index. */
	static final int MAX_WORDS = 400;

	private Words() {
	}

	/** The distinct words of {@code text}, in order of first occurrence. */
	static Set<String> of(String text) {
		Set<String> words = new LinkedHashSet<>();
		int i = 0;
		int n = text.length();
		while (i < n && words.size() < MAX_WORDS) {
			while (i < n && !Character.isLetterOrDigit(text.codePointAt(i))) {
				i += Character.charCount(text.codePointAt(i));
			}
			int start = i;
			while (i < n && Character.isLetterOrDigit(text.codePointAt(i))) {
				i += Character.charCount(text.codePointAt(i));
			}
			if (i - start >= MIN_WORD_LENGTH) {
				String w = text.substring(start, i).toLowerCase(Locale.ROOT);
				if (w.length() > MAX_WORD_LENGTH) {
					int cut = MAX_WORD_LENGTH;
					if (Character.isLowSurrogate(w.charAt(cut)) && Character.isHighSurrogate(w.charAt(cut - 1))) {
						cut--;
					}
					w = w.substring(0, cut);
				}
				words.add(w);
			}
		}
		return words;
	}
}
