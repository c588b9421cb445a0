/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Arrays;

/**
 * One rule: the hosts {@code match} selects speak {@code codePage}.
 */
public record CodePageRule(CodePageMatch match, Charset codePage) {

	public CodePageRule {
		String problem = problemWith(codePage);
		if (problem != null) {
			throw new IllegalArgumentException(problem);
		}
	}

	/**
	 * Parses a rule as the CLI takes it: a match ({@link CodePageMatch#parse}) and a code page name.
	 *
	 * @throws IllegalArgumentException saying what is wrong
	 */
	public static CodePageRule parse(String match, String codePage) {
		return new CodePageRule(CodePageMatch.parse(match), codePage(codePage));
	}

	/**
	 * The code page named {@code name} ({@code CP866}, {@code IBM866}, {@code cp737}...), checked to
	 * be usable as an OEM code page.
	 *
	 * @throws IllegalArgumentException if Java does not know it or it is not an OEM-like code page
	 */
	public static Charset codePage(String name) {
		String n = name.strip();
		if (n.isEmpty()) {
			throw new IllegalArgumentException("no code page given (e.g. CP850, CP866, CP737)");
		}
		Charset c;
		try {
			c = Charset.forName(n);
		} catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
			throw new IllegalArgumentException("unknown code page '" + n + "' (this Java knows e.g. CP437, CP850, CP852, CP866, CP737)");
		}
		String problem = problemWith(c);
		if (problem != null) {
			throw new IllegalArgumentException(problem);
		}
		return c;
	}

	/**
	 * Why {@code c} cannot be an OEM code page, or null: the Messenger's names and the WinPopup
	 * body are NUL-terminated ASCII-compatible bytes, so ASCII must encode to itself, one byte each.
	 */
	static String problemWith(Charset c) {
		if (!c.canEncode()) {
			return c.name() + " cannot encode text";
		}
		String ascii = "\0\r\n AZaz09.-_";
		if (!Arrays.equals(ascii.getBytes(c), ascii.getBytes(StandardCharsets.US_ASCII))) {
			return c.name() + " is not an OEM code page: it does not write ASCII as single bytes";
		}
		return null;
	}

	@Override
	public String toString() {
		return match.kind() + " " + match.text() + " " + codePage.name();
	}
}
