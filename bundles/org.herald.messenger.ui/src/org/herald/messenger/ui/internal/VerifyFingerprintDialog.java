/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.ui.internal;

import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.swt.widgets.Shell;
import org.herald.peer.Fingerprint;
import org.herald.peer.Pin;

/**
 * Asks for a peer's fingerprint as its administrator reads it out (60 digits; spaces and dashes
 * are ignored). The digits are typed, never pre-filled: the point is to compare.
 */
public class VerifyFingerprintDialog extends InputDialog {

	public VerifyFingerprintDialog(Shell parent, Pin pin) {
		super(parent, "Verify " + pin.name(), "Ask " + pin.name() + "'s administrator to read out its fingerprint ('herald peers"
				+ " fingerprint' there, or this dialog), and type it here. 60 digits; spaces and dashes do not matter.", "", VerifyFingerprintDialog::problem);
	}

	/** Why {@code text} is no fingerprint, or null if it is one. */
	static String problem(String text) {
		if (text.isBlank()) {
			return "Type the 60 digits";
		}
		try {
			Fingerprint.parse(text);
			return null;
		} catch (IllegalArgumentException e) {
			return e.getMessage();
		}
	}

	/** For tests. */
	org.eclipse.swt.widgets.Text field() {
		return getText();
	}

	org.eclipse.swt.widgets.Button ok() {
		return getOkButton();
	}

	/** The fingerprint typed; after OK only. */
	public Fingerprint fingerprint() {
		return Fingerprint.parse(getValue());
	}
}
