/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.alerter;

import java.util.Locale;

/**
 * An alert rule: when a host of the browse list appears or goes offline, or when an exposure check
 * rates a host of a range HIGH. {@code target} is a host name ({@code *} for any host) or, for
 * exposure rules, an address, a range or a prefix as {@code herald send} takes them.
 */
public record AlertRule(String id, Kind kind, String target) {

	public enum Kind {
		HOST_APPEARS("host-appears"), HOST_OFFLINE("host-offline"), EXPOSURE_HIGH("exposure-high");

		private final String word;

		Kind(String word) {
			this.word = word;
		}

		public String word() {
			return word;
		}

		public static Kind of(String word) {
			for (Kind k : values()) {
				if (k.word.equalsIgnoreCase(word.strip())) {
					return k;
				}
			}
			throw new IllegalArgumentException("unknown rule kind '" + word + "' (host-appears, host-offline, exposure-high)");
		}
	}

	public AlertRule {
		if (target == null || target.isBlank()) {
			throw new IllegalArgumentException(kind.word() + " needs a target (a host name, * or, for exposure-high, an address range)");
		}
		target = kind == Kind.EXPOSURE_HIGH ? target.strip() : target.strip().toUpperCase(Locale.ROOT);
	}

	/** How the rule reads: {@code host-offline FILESRV}. */
	public String text() {
		return kind.word() + " " + target;
	}
}
