/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.extensions.internal;

import java.util.LinkedHashSet;
import java.util.Set;

import org.eclipse.core.runtime.IStatus;

/** p2's statuses as one readable message: the distinct messages of the tree, most specific last. */
final class Statuses {

	private Statuses() {
	}

	static String describe(IStatus status) {
		Set<String> lines = new LinkedHashSet<>();
		collect(status, lines);
		return String.join("; ", lines);
	}

	private static void collect(IStatus status, Set<String> lines) {
		if (status == null) {
			return;
		}
		String message = status.getMessage();
		if (message != null && !message.isBlank() && status.getSeverity() >= IStatus.WARNING) {
			lines.add(message.strip());
		}
		Throwable e = status.getException();
		if (e != null && e.getMessage() != null && !e.getMessage().isBlank()) {
			lines.add(e.getMessage().strip());
		}
		for (IStatus child : status.getChildren()) {
			collect(child, lines);
		}
	}
}
