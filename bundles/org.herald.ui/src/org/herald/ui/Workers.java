/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.ui;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The background threads of views: named, daemon, so a view's work never holds the workbench open. */
public final class Workers {

	private Workers() {
	}

	/** One thread, tasks in order: what a view needs for its store and network work. */
	public static ExecutorService single(String name) {
		return Executors.newSingleThreadExecutor(r -> {
			Thread t = new Thread(r, name);
			t.setDaemon(true);
			return t;
		});
	}
}
