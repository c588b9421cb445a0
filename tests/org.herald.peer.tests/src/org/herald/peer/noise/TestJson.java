/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.peer.noise;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Just enough JSON for the vector file: objects, arrays and strings without escapes. */
final class TestJson {

	private final String text;
	private int at;

	private TestJson(String text) {
		this.text = text;
	}

	static Object parse(String text) {
		TestJson json = new TestJson(text);
		Object value = json.value();
		json.skipSpace();
		if (json.at != text.length()) {
			throw new IllegalArgumentException("trailing text at " + json.at);
		}
		return value;
	}

	private Object value() {
		skipSpace();
		char c = text.charAt(at);
		return switch (c) {
		case '{' -> object();
		case '[' -> array();
		case '"' -> string();
		default -> throw new IllegalArgumentException("unexpected '" + c + "' at " + at);
		};
	}

	private Map<String, Object> object() {
		Map<String, Object> map = new LinkedHashMap<>();
		expect('{');
		skipSpace();
		if (peek() == '}') {
			at++;
			return map;
		}
		do {
			skipSpace();
			String key = string();
			skipSpace();
			expect(':');
			map.put(key, value());
			skipSpace();
		} while (comma());
		expect('}');
		return map;
	}

	private List<Object> array() {
		List<Object> list = new ArrayList<>();
		expect('[');
		skipSpace();
		if (peek() == ']') {
			at++;
			return list;
		}
		do {
			list.add(value());
			skipSpace();
		} while (comma());
		expect(']');
		return list;
	}

	private String string() {
		expect('"');
		int end = text.indexOf('"', at);
		String s = text.substring(at, end);
		if (s.indexOf('\\') >= 0) {
			throw new IllegalArgumentException("escapes are not supported");
		}
		at = end + 1;
		return s;
	}

	private boolean comma() {
		if (peek() == ',') {
			at++;
			return true;
		}
		return false;
	}

	private char peek() {
		return text.charAt(at);
	}

	private void expect(char c) {
		if (text.charAt(at) != c) {
			throw new IllegalArgumentException("expected '" + c + "' at " + at);
		}
		at++;
	}

	private void skipSpace() {
		while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
			at++;
		}
	}
}
