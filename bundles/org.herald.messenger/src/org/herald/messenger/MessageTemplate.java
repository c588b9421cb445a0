/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A message text with fields, kept by name ({@link MessageTemplates}): {@code {date}},
 * {@code {ticket}}. A field is a name in braces (a letter, then letters, digits, {@code - _ .});
 * other braces are text. {@code {{} } is a literal brace before a field name: {@code {{date}} is
 * the text {@code {date}}.
 *
 * @param name the template's name, upper-case
 * @param text its text, with the fields
 */
public record MessageTemplate(String name, String text) {

	/** A field: a name in braces, unless the brace is doubled. */
	private static final Pattern FIELD = Pattern.compile("\\{(\\{?)([A-Za-z][A-Za-z0-9_.-]*)\\}");

	public MessageTemplate {
		if (text.isBlank()) {
			throw new IllegalArgumentException("the template " + name + " has no text");
		}
	}

	/** The fields the text uses, each once, lower-case, in the order they first appear. */
	public List<String> fields() {
		Set<String> found = new LinkedHashSet<>();
		Matcher m = FIELD.matcher(text);
		while (m.find()) {
			if (m.group(1).isEmpty()) {
				found.add(m.group(2).toLowerCase(java.util.Locale.ROOT));
			}
		}
		return List.copyOf(found);
	}

	/** The fields of {@link #fields()} that {@code values} has no value for. */
	public List<String> missing(Map<String, String> values) {
		List<String> missing = new ArrayList<>(fields());
		missing.removeIf(values::containsKey);
		return missing;
	}

	/**
	 * The text with its fields replaced by {@code values} (keys lower-case).
	 *
	 * @throws IllegalArgumentException naming every field without a value
	 */
	public String fill(Map<String, String> values) {
		List<String> missing = missing(values);
		if (!missing.isEmpty()) {
			throw new IllegalArgumentException("the template " + name + " needs " + braces(missing) + ", which "
					+ (missing.size() == 1 ? "has" : "have") + " no value");
		}
		return fillKnown(values);
	}

	/** The text with the fields {@code values} has replaced, the others left as they are ({@code {ticket}}). */
	public String fillKnown(Map<String, String> values) {
		Matcher m = FIELD.matcher(text);
		StringBuilder b = new StringBuilder();
		while (m.find()) {
			String field = m.group(2).toLowerCase(java.util.Locale.ROOT);
			String replacement;
			if (!m.group(1).isEmpty()) {
				replacement = "{" + m.group(2) + "}"; // {{x} is the text {x}
			} else {
				replacement = values.containsKey(field) ? values.get(field) : m.group();
			}
			m.appendReplacement(b, Matcher.quoteReplacement(replacement));
		}
		m.appendTail(b);
		return b.toString();
	}

	/** {@code {a}, {b}}. */
	public static String braces(List<String> fields) {
		return String.join(", ", fields.stream().map(f -> "{" + f + "}").toList());
	}
}
