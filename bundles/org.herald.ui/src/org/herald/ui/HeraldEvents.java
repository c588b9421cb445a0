/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.ui;

/** Event-broker topics of Herald's workbench. */
public final class HeraldEvents {

	/** Posted after the settings were saved; the data is the new {@link org.herald.api.Identity}. */
	public static final String SETTINGS_CHANGED = "org/herald/settings/changed";

	/** Opens the composer; the data is a {@link ComposeRequest}. */
	public static final String COMPOSE = "org/herald/compose";

	/** Whether and where Herald receives; the data is a one-line String for the status line. */
	public static final String PRESENCE = "org/herald/presence";

	private HeraldEvents() {
	}
}
