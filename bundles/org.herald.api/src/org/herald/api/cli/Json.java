/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.api.cli;

import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/** JSON text for the commands' {@code --json} output and the reports: maps, iterables, strings, numbers, booleans, null. */
public final class Json {

	private Json() {
	}

	public static String write(Object value) {
		StringBuilder sb = new StringBuilder();
		write(value, sb);
		return sb.toString();
	}

	private static void write(Object v, StringBuilder sb) {
		switch (v) {
			case null -> sb.append("null");
			case Optional<?> o -> write(o.orElse(null), sb);
			case String s -> string(s, sb);
			case Number n -> sb.append(n);
			case Boolean b -> sb.append(b);
			case Map<?, ?> m -> {
				sb.append('{');
				Iterator<? extends Map.Entry<?, ?>> it = m.entrySet().iterator();
				while (it.hasNext()) {
					Map.Entry<?, ?> e = it.next();
					string(String.valueOf(e.getKey()), sb);
					sb.append(':');
					write(e.getValue(), sb);
					if (it.hasNext()) {
						sb.append(',');
					}
				}
				sb.append('}');
			}
			case Iterable<?> list -> {
				sb.append('[');
				Iterator<?> it = list.iterator();
				while (it.hasNext()) {
					write(it.next(), sb);
					if (it.hasNext()) {
						sb.append(',');
					}
				}
				sb.append(']');
			}
			default -> string(v.toString(), sb);
		}
	}

	private static void string(String s, StringBuilder sb) {
		sb.append('"');
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			switch (c) {
				case '"' -> sb.append("\\\"");
				case '\\' -> sb.append("\\\\");
				case '\n' -> sb.append("\\n");
				case '\r' -> sb.append("\\r");
				case '\t' -> sb.append("\\t");
				default -> {
					if (c < 0x20 || c == 0x7F) {
						sb.append(String.format("\\u%04x", (int) c));
					} else {
						sb.append(c);
					}
				}
			}
		}
		sb.append('"');
	}
}
