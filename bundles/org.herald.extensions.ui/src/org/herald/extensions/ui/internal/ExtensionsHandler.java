/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.extensions.ui.internal;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;
import org.herald.extensions.ExtensionService;
import org.herald.extensions.ui.ExtensionsDialog;

/** Help &gt; Extensions...: the dialog, then the offer to restart when something changed. */
public class ExtensionsHandler {

	@Execute
	public void execute(Shell shell, @Optional @Service ExtensionService extensions, IWorkbench workbench) {
		if (extensions == null) {
			MessageDialog.openInformation(shell, "Extensions", "This installation cannot install extensions (no extension service).");
			return;
		}
		ExtensionsDialog dialog = new ExtensionsDialog(shell, extensions);
		dialog.open();
		if (dialog.changed() && MessageDialog.openQuestion(shell, "Restart Herald",
				"The extensions of this installation changed. Restart Herald now to use the change?")) {
			workbench.restart();
		}
	}
}
