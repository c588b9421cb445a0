/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.netbios.internal;

import java.util.Iterator;
import java.util.Map;

/** Just enough JSON writing for the CLI's {@code --json} output: objects, arrays, strings, numbers, booleans. */
final class Json {

	private Json() {
	}

	static String write(Object value) {
		StringBuilder sb = new StringBuilder();
		write(value, sb);
		return sb.toString();
	}

	private static void write(Object v, StringBuilder sb) {
		switch (v) {
			case null -> sb.append("null");
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
					if (c < 0x20) {
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
