/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.ui;

import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.herald.ui.EmptyState;

import jakarta.annotation.PostConstruct;

/** The composer: write a message and send it to hosts, users, workgroups or ranges. */
public class ComposePart {

	@PostConstruct
	public void create(Composite parent) {
		parent.setLayout(new FillLayout());
		new EmptyState(parent, "Compose", "Sending needs Herald's messenger service, which this installation does not have yet.");
	}
}
