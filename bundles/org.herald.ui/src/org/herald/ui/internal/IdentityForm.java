/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.ui.internal;

import java.net.Inet4Address;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.herald.api.BindInterface;
import org.herald.api.Identity;
import org.herald.api.NetbiosName;

/** The identity settings as typed in the preference page: checked, and turned into an Identity. */
record IdentityForm(String name, String workgroup, String interfaces, String wins) {

	static IdentityForm of(Identity identity) {
		return new IdentityForm(identity.name(), identity.workgroup(),
				String.join(", ", identity.interfaces().stream().map(BindInterface::toString).toList()),
				identity.wins().map(Inet4Address::getHostAddress).orElse(""));
	}

	/** What is wrong with the form, or empty when it makes a valid identity. */
	Optional<String> problem() {
		try {
			toIdentity();
			return Optional.empty();
		} catch (IllegalArgumentException e) {
			return Optional.of(e.getMessage());
		}
	}

	Identity toIdentity() {
		String n = name.strip();
		String nameProblem = NetbiosName.problemWith(n.toUpperCase(Locale.ROOT));
		if (nameProblem != null) {
			throw new IllegalArgumentException("NetBIOS name: " + nameProblem);
		}
		String wg = workgroup.strip();
		String wgProblem = NetbiosName.problemWith(wg.toUpperCase(Locale.ROOT));
		if (wgProblem != null) {
			throw new IllegalArgumentException("Workgroup: " + wgProblem);
		}
		List<BindInterface> list = new ArrayList<>();
		for (String item : interfaces.split("[,\\s]+")) {
			if (!item.isBlank()) {
				list.add(BindInterface.parse(item));
			}
		}
		Optional<Inet4Address> server = wins.isBlank() ? Optional.empty() : Optional.of(BindInterface.parseIpv4(wins.strip()));
		return new Identity(n, wg, list, server);
	}
}
