/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.ui.internal;

import org.eclipse.jface.preference.PreferencePage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.osgi.service.prefs.BackingStoreException;

/** Preferences &gt; Notifications: pop-ups, the tray icon, quiet mode. */
public class NotificationsPage extends PreferencePage {

	private Button receive;
	private Button popups;
	private Button tray;
	private Button quiet;

	public NotificationsPage() {
		super("Notifications");
		setDescription("Receiving, and how Herald tells you about a new message. Quarantined and blocked messages never pop up.");
		noDefaultAndApplyButton();
	}

	@Override
	protected Control createContents(Composite parent) {
		Composite body = new Composite(parent, SWT.NONE);
		body.setLayout(new GridLayout(1, false));
		Notifications current = Notifications.load();
		receive = check(body, "&Receive messages while the workbench runs (takes TCP 139/445 and UDP 137/138 on the interfaces)",
				current.receive());
		popups = check(body, "&Pop up a window for each new message (urgent ones stay on top)", current.popups());
		tray = check(body, "Show the unread count in the system &tray while the window is minimized", current.tray());
		quiet = check(body, "&Quiet mode: no pop-ups, messages only go to the inbox (urgent ones still pop up)", current.quiet());
		return body;
	}

	private static Button check(Composite parent, String text, boolean value) {
		Button b = new Button(parent, SWT.CHECK);
		b.setText(text);
		b.setSelection(value);
		return b;
	}

	@Override
	public boolean performOk() {
		if (popups == null) {
			return true;
		}
		try {
			new Notifications(receive.getSelection(), popups.getSelection(), tray.getSelection(), quiet.getSelection()).save();
			return true;
		} catch (BackingStoreException e) {
			setErrorMessage("Could not save: " + e.getMessage());
			return false;
		}
	}
}
