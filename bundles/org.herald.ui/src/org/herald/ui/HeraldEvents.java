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

	/**
	 * The toolbar's and menus' actions (Message &gt; Reply, Network &gt; Scan range, Refresh, Check
	 * exposure), sent by the shell's handlers with no data; the part that can do it answers and
	 * brings itself to the front. The shell never names a part.
	 */
	public static final String REPLY = "org/herald/action/reply";
	public static final String SCAN = "org/herald/action/scan";
	public static final String REFRESH = "org/herald/action/refresh";
	public static final String CHECK_EXPOSURE = "org/herald/action/exposure";

	/**
	 * Not a topic but a key of the application's context: whether and where Herald receives, one line
	 * for the status line. Whoever shows it injects it with {@code @Named} and sees every change.
	 */
	public static final String PRESENCE = "org.herald.presence";

	private HeraldEvents() {
	}
}
