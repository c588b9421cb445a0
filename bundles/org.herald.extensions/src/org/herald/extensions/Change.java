/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.extensions;

import java.util.List;

/**
 * What an install, update or uninstall did: the units it added or removed, and whether Herald
 * must restart to use them (it must whenever something changed).
 */
public record Change(List<Extension> added, List<Extension> removed, String message) {

	public Change {
		added = List.copyOf(added);
		removed = List.copyOf(removed);
	}

	public boolean changed() {
		return !added.isEmpty() || !removed.isEmpty();
	}

	public boolean restartNeeded() {
		return changed();
	}
}
