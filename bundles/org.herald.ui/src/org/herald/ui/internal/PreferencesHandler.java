/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.ui.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.jface.preference.PreferenceDialog;
import org.eclipse.jface.preference.PreferenceManager;
import org.eclipse.jface.preference.PreferenceNode;
import org.eclipse.swt.widgets.Shell;
import org.herald.api.Settings;
import org.herald.ui.HeraldEvents;
import org.herald.ui.PreferencePageProvider;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

import jakarta.inject.Named;

/** File &gt; Preferences: Herald's settings, saved in the workspace. */
public class PreferencesHandler {

	@Execute
	public void execute(@Named("activeShell") Shell shell, @Service Settings settings, IEventBroker events) {
		PreferenceManager pages = new PreferenceManager();
		IdentityPreferencePage identity = new IdentityPreferencePage(settings,
				saved -> events.post(HeraldEvents.SETTINGS_CHANGED, saved));
		pages.addToRoot(new PreferenceNode("identity", identity));
		BundleContext bc = FrameworkUtil.getBundle(getClass()).getBundleContext();
		try {
			List<PreferencePageProvider> providers = new ArrayList<>();
			for (ServiceReference<PreferencePageProvider> ref : bc.getServiceReferences(PreferencePageProvider.class, null)) {
				providers.add(bc.getService(ref));
			}
			providers.sort(Comparator.comparingInt(PreferencePageProvider::order));
			for (PreferencePageProvider p : providers) {
				pages.addToRoot(new PreferenceNode(p.id(), p.create()));
			}
		} catch (InvalidSyntaxException e) {
			throw new IllegalStateException(e); // no filter given
		}
		PreferenceDialog dialog = new PreferenceDialog(shell, pages);
		dialog.create();
		dialog.getShell().setText("Herald Preferences");
		dialog.open();
	}
}
