/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.network.ui;

import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.herald.ui.EmptyState;

import jakarta.annotation.PostConstruct;

/** The network browser: workgroups and their hosts. */
public class NetworkPart {

	@PostConstruct
	public void create(Composite parent) {
		parent.setLayout(new FillLayout());
		new EmptyState(parent, "No hosts known", "Workgroups and their hosts appear here once the host browser is installed. Herald has not looked at the network.");
	}
}
