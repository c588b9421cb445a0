/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.ui.internal;

import java.io.IOException;
import java.util.Optional;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.service.datalocation.Location;
import org.eclipse.swt.widgets.Shell;

import jakarta.inject.Named;

/** Message &gt; Herald Peers...: opens {@link PeersDialog} on the workspace's pins. */
public class PeersHandler {

	@Execute
	public void execute(Shell shell, @org.eclipse.e4.core.di.annotations.Optional @Named("instanceLocation") Location workspace) {
		Optional<java.nio.file.Path> dir = WorkspaceInbox.directory(workspace);
		if (dir.isEmpty()) {
			MessageDialog.openInformation(shell, "Herald Peers", "This workbench has no workspace, so it keeps no peer keys.");
			return;
		}
		try {
			PeersDialog.of(shell, dir.get()).open();
		} catch (IOException e) {
			MessageDialog.openError(shell, "Herald Peers", "The peer keys of this workspace cannot be read: " + e.getMessage());
		}
	}
}
