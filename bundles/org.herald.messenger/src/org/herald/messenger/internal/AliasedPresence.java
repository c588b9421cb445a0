/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.internal;

import java.util.List;
import java.util.Optional;

import org.herald.messenger.Presence;

/** A presence that also receives under aliases ({@link AliasKeeper}): which ones are asked for now. */
public interface AliasedPresence extends Presence {

	/** The aliases asked for now (registered, registering, or in conflict). */
	List<Aliases.Alias> aliases();

	/** The alias {@code name} (upper-case, no suffix), if it is one now. */
	Optional<Aliases.Alias> alias(String name);
}
