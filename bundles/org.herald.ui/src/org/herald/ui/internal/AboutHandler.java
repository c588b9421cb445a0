/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.ui.internal;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;
import org.osgi.framework.FrameworkUtil;

public class AboutHandler {

	@Execute
	public void execute(Shell shell) {
		String version = FrameworkUtil.getBundle(getClass()).getVersion().toString();
		MessageDialog.openInformation(shell, "About Herald", "Herald " + version
				+ "\n\nLAN messaging and NetBIOS administration: NET SEND, WinPopup and LinPopUp, back again."
				+ "\n\nJava " + Runtime.version() + "\nLicensed under the Eclipse Public License 2.0.");
	}
}
