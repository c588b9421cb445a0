/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.ui;

import org.eclipse.jface.preference.IPreferencePage;

/**
 * A page of File &gt; Preferences, offered as an OSGi service by the bundle that owns the setting.
 * Pages are sorted by {@link #order()}; Herald's identity page comes first.
 */
public interface PreferencePageProvider {

	String id();

	/** Lower first. */
	int order();

	/** A new page each time the dialog opens. */
	IPreferencePage create();
}
