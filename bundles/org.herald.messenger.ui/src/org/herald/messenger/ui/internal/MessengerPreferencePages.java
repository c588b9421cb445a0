/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.ui.internal;

import org.eclipse.jface.preference.IPreferencePage;
import org.herald.ui.PreferencePageProvider;
import org.osgi.service.component.annotations.Component;

/** Offers the Notifications page to File &gt; Preferences. */
@Component(service = PreferencePageProvider.class)
public class MessengerPreferencePages implements PreferencePageProvider {

	@Override
	public String id() {
		return "notifications";
	}

	@Override
	public int order() {
		return 30;
	}

	@Override
	public IPreferencePage create() {
		return new NotificationsPage();
	}
}
