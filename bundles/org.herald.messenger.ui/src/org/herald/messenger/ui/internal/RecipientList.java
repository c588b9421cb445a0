/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.ui.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.herald.messenger.Recipient;

/**
 * The composer's "To" field: recipients separated by commas, semicolons or spaces. Each is a host
 * or user name, an address, a range ({@code 198.51.100.10-20}, a CIDR), or a workgroup written
 * {@code /DOMAIN:WG} as NET SEND wrote it (or {@code workgroup:WG}).
 */
public final class RecipientList {

	private RecipientList() {
	}

	public static List<Recipient> parse(String field) {
		List<Recipient> list = new ArrayList<>();
		for (String token : field.split("[,;\\s]+")) {
			if (token.isBlank()) {
				continue;
			}
			String lower = token.toLowerCase(Locale.ROOT);
			try {
				if (lower.startsWith("/domain:") || lower.startsWith("workgroup:")) {
					String wg = token.substring(token.indexOf(':') + 1);
					list.add(new Recipient.Workgroup(wg));
				} else {
					list.add(Recipient.parse(token));
				}
			} catch (IllegalArgumentException e) {
				throw new IllegalArgumentException("'" + token + "' is not a recipient: " + e.getMessage());
			}
		}
		if (list.isEmpty()) {
			throw new IllegalArgumentException("no recipient: give a name, an address, a range or /DOMAIN:WORKGROUP");
		}
		return list;
	}
}
