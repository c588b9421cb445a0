/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.api;

import java.net.Inet4Address;
import java.util.List;
import java.util.Optional;

/**
 * Identity settings given for one run (CLI options), each laid over the saved identity when present.
 */
public record IdentityOptions(Optional<String> name, Optional<String> workgroup, Optional<List<BindInterface>> interfaces,
		Optional<Inet4Address> wins) {

	public static final IdentityOptions NONE = new IdentityOptions(Optional.empty(), Optional.empty(), Optional.empty(),
			Optional.empty());

	/** {@code base} with every given option in place of its setting. */
	public Identity applyTo(Identity base) {
		return new Identity(name.orElse(base.name()), workgroup.orElse(base.workgroup()),
				interfaces.orElse(base.interfaces()), wins.isPresent() ? wins : base.wins());
	}
}
