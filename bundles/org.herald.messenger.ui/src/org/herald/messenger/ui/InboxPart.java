/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.ui;

import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.herald.ui.EmptyState;

import jakarta.annotation.PostConstruct;

/** The inbox: messages received by this host. */
public class InboxPart {

	@PostConstruct
	public void create(Composite parent) {
		parent.setLayout(new FillLayout());
		new EmptyState(parent, "No messages", "Pop-up messages that reach this host appear here. Herald is not receiving yet: this installation has no messenger service.");
	}
}
