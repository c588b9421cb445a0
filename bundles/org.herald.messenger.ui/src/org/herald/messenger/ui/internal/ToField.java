/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.ui.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.herald.messenger.Recipient;
import org.herald.messenger.RecipientLists;

/**
 * The composer's "To" field: recipients separated by commas, semicolons or spaces. Each is a host
 * or user name, an address, a range ({@code 198.51.100.10-20}, a CIDR), a workgroup written
 * {@code /DOMAIN:WG} as NET SEND wrote it (or {@code workgroup:WG}), or a recipient list of the
 * workspace ({@code @ADMINS}), expanded into its members. Each recipient comes once.
 */
public final class ToField {

	private ToField() {
	}

	/** The field without lists: a {@code @NAME} is refused. */
	public static List<Recipient> parse(String field) {
		return parse(field, null);
	}

	/**
	 * @param lists the workspace's lists, or null when there is no workspace
	 * @throws IllegalArgumentException what is wrong with the field, for the status line
	 * @throws UncheckedIOException     if the lists cannot be read
	 */
	public static List<Recipient> parse(String field, RecipientLists lists) {
		Set<Recipient> out = new LinkedHashSet<>();
		for (String token : tokens(field)) {
			String lower = token.toLowerCase(Locale.ROOT);
			try {
				if (RecipientLists.isList(token)) {
					if (lists == null) {
						throw new IllegalArgumentException("recipient lists need a workspace");
					}
					out.addAll(lists.expand(List.of(token)).recipients());
				} else if (lower.startsWith("workgroup:")) {
					out.add(new Recipient.Workgroup(token.substring(token.indexOf(':') + 1)));
				} else {
					out.add(Recipient.parse(token));
				}
			} catch (IllegalArgumentException e) {
				throw new IllegalArgumentException("'" + token + "' is not a recipient: " + e.getMessage());
			} catch (IOException e) {
				throw new UncheckedIOException("the recipient lists cannot be read: " + e.getMessage(), e);
			}
		}
		if (out.isEmpty()) {
			throw new IllegalArgumentException("no recipient: give a name, an address, a range, /DOMAIN:WORKGROUP or @LIST");
		}
		return List.copyOf(out);
	}

	/** The field's recipients as typed. */
	public static List<String> tokens(String field) {
		return java.util.Arrays.stream(field.split("[,;\\s]+")).filter(t -> !t.isBlank()).toList();
	}
}
