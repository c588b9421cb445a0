/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.ui.internal;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.herald.api.BindInterface;
import org.herald.api.Identity;
import org.herald.api.Settings;
import org.herald.ui.HeraldEvents;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/** The status line: who Herald is on the network and where it binds. */
public class StatusLine {

	private Label label;
	private Label presence;

	@Inject
	@Service
	private Settings settings;

	@PostConstruct
	public void create(Composite parent) {
		Composite box = new Composite(parent, SWT.NONE);
		GridLayout layout = new GridLayout(2, false);
		layout.marginHeight = 2;
		box.setLayout(layout);
		label = new Label(box, SWT.NONE);
		label.setLayoutData(new GridData(SWT.BEGINNING, SWT.CENTER, false, false));
		presence = new Label(box, SWT.NONE);
		presence.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		show(settings.identity());
	}

	@Inject
	@Optional
	void settingsChanged(@UIEventTopic(HeraldEvents.SETTINGS_CHANGED) Identity identity) {
		if (label != null && !label.isDisposed()) {
			show(identity);
		}
	}

	@Inject
	@Optional
	void presenceChanged(@UIEventTopic(HeraldEvents.PRESENCE) String status) {
		if (presence != null && !presence.isDisposed()) {
			presence.setText("  \u00b7  " + status);
			presence.getParent().getParent().layout(true, true);
		}
	}

	private void show(Identity identity) {
		label.setText(describe(identity));
		label.getParent().getParent().layout(true, true);
	}

	static String describe(Identity identity) {
		String interfaces = identity.interfaces().isEmpty() ? "no interfaces (set them in Preferences)"
				: String.join(", ", identity.interfaces().stream().map(BindInterface::toString).toList());
		String node = identity.wins().map(w -> "H-node, WINS " + w.getHostAddress()).orElse("B-node");
		return identity.name() + " in " + identity.workgroup() + "  \u00b7  " + interfaces + "  \u00b7  " + node;
	}
}
