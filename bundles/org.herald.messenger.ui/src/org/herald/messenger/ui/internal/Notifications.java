/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.ui.internal;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.osgi.service.prefs.BackingStoreException;

/**
 * Whether the workbench receives, and how it tells the user about a new message; kept in the
 * workspace's instance preferences.
 *
 * @param receive receive messages while the workbench runs (else a headless listener does)
 * @param popups  show a WinPopup-style window for each new message
 * @param tray    show the unread count in the system tray
 * @param quiet   quiet mode: no pop-ups but for urgent messages; the inbox still fills
 */
public record Notifications(boolean receive, boolean popups, boolean tray, boolean quiet) {

	static final String NODE = "org.herald.messenger.ui";
	public static final Notifications DEFAULTS = new Notifications(true, true, true, false);

	public static Notifications load() {
		IEclipsePreferences p = InstanceScope.INSTANCE.getNode(NODE);
		return new Notifications(p.getBoolean("receive", DEFAULTS.receive), p.getBoolean("notify.popups", DEFAULTS.popups),
				p.getBoolean("notify.tray", DEFAULTS.tray), p.getBoolean("notify.quiet", DEFAULTS.quiet));
	}

	public void save() throws BackingStoreException {
		IEclipsePreferences p = InstanceScope.INSTANCE.getNode(NODE);
		p.putBoolean("receive", receive);
		p.putBoolean("notify.popups", popups);
		p.putBoolean("notify.tray", tray);
		p.putBoolean("notify.quiet", quiet);
		p.flush();
	}

	/** Whether a new message that is not urgent pops up. */
	public boolean popsUp() {
		return popups && !quiet;
	}

	/**
	 * Whether a new message pops up: an urgent one always (neither quiet mode nor turning pop-ups off
	 * quiets it); quarantined and blocked messages never pop up, urgent or not, which the caller checks.
	 */
	public boolean popsUp(boolean urgent) {
		return urgent || popsUp();
	}
}
