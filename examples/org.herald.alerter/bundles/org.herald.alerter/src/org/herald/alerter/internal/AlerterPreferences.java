/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.alerter.internal;

import java.util.Arrays;

import org.eclipse.jface.preference.IPreferencePage;
import org.eclipse.jface.preference.PreferencePage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.herald.alerter.AlertService;
import org.herald.ui.PreferencePageProvider;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Preferences &gt; Alerter: who gets the alerts' pop-ups. Offered through Herald's preference page provider service. */
@Component(service = PreferencePageProvider.class)
public final class AlerterPreferences implements PreferencePageProvider {

	private final AlertService alerter;

	@Activate
	public AlerterPreferences(@Reference AlertService alerter) {
		this.alerter = alerter;
	}

	@Override
	public String id() {
		return "org.herald.alerter";
	}

	@Override
	public int order() {
		return 80;
	}

	@Override
	public IPreferencePage create() {
		return new Page(alerter);
	}

	static final class Page extends PreferencePage {

		private final AlertService alerter;
		private Text admins;

		Page(AlertService alerter) {
			super("Alerter");
			this.alerter = alerter;
			noDefaultAndApplyButton();
		}

		@Override
		protected Control createContents(Composite parent) {
			Composite c = new Composite(parent, SWT.NONE);
			c.setLayout(new GridLayout(1, false));
			Label l = new Label(c, SWT.WRAP);
			l.setText("Admins who get a Messenger pop-up when an alert rule fires: NetBIOS names, or @WORKGROUP, separated by commas.");
			l.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
			admins = new Text(c, SWT.BORDER);
			admins.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
			admins.setText(String.join(", ", alerter.admins()));
			admins.addModifyListener(e -> check());
			return c;
		}

		private void check() {
			try {
				Arrays.stream(admins.getText().split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(AlerterComponent::recipient);
				setErrorMessage(null);
				setValid(true);
			} catch (IllegalArgumentException e) {
				setErrorMessage(e.getMessage());
				setValid(false);
			}
		}

		@Override
		public boolean performOk() {
			if (admins != null && !admins.isDisposed()) {
				alerter.setAdmins(Arrays.stream(admins.getText().split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList());
			}
			return true;
		}
	}
}
