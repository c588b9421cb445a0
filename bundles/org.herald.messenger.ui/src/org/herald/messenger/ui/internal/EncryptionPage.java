/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.ui.internal;

import org.eclipse.jface.preference.PreferencePage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.herald.messenger.EncryptionPolicy;
import org.herald.peer.Fingerprint;
import org.osgi.service.prefs.BackingStoreException;

/**
 * Preferences &gt; Encryption: the workspace's default encryption policy, which the composer and
 * {@code herald send} without {@code --encrypt} use; and our key's fingerprint.
 */
public class EncryptionPage extends PreferencePage {

	private final Fingerprint own;
	private final Button[] choices = new Button[EncryptionPolicy.values().length];

	/** @param own our fingerprint, or null if it cannot be read */
	public EncryptionPage(Fingerprint own) {
		super("Encryption");
		this.own = own;
		setDescription("Messages between Herald hosts are encrypted and authenticated (Noise XX, X25519, ChaCha20-Poly1305)."
				+ " Windows and Samba hosts can only take plain text.");
		noDefaultAndApplyButton();
	}

	@Override
	protected Control createContents(Composite parent) {
		Composite body = new Composite(parent, SWT.NONE);
		body.setLayout(new GridLayout(1, false));
		EncryptionPolicy current = EncryptionPolicy.workspaceDefault();
		String[] words = { "&Automatic: encrypted to Herald peers, plain to other hosts (the report says which)",
				"&Require encryption: never send plain text; a host that is no Herald peer gets nothing",
				"&Never encrypt: plain NET SEND / WinPopup to everyone" };
		for (EncryptionPolicy p : EncryptionPolicy.values()) {
			Button b = new Button(body, SWT.RADIO);
			b.setText(words[p.ordinal()]);
			b.setSelection(p == current);
			b.setData(p);
			choices[p.ordinal()] = b;
		}
		Label label = new Label(body, SWT.NONE);
		label.setText("Our key's fingerprint (read it to the other administrator; 'herald peers fingerprint' prints it too):");
		GridData gap = new GridData();
		gap.verticalIndent = 12;
		label.setLayoutData(gap);
		Text fingerprint = new Text(body, SWT.READ_ONLY | SWT.SINGLE | SWT.BORDER);
		fingerprint.setText(own == null ? "(no key in this workspace)" : own.toString());
		fingerprint.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		return body;
	}

	/** The policy chosen. */
	EncryptionPolicy chosen() {
		for (Button b : choices) {
			if (b.getSelection()) {
				return (EncryptionPolicy) b.getData();
			}
		}
		return EncryptionPolicy.AUTO;
	}

	/** For tests: chooses {@code p}, as a click would. */
	void choose(EncryptionPolicy p) {
		for (Button b : choices) {
			b.setSelection(b.getData() == p);
		}
	}

	@Override
	public boolean performOk() {
		if (choices[0] == null) {
			return true;
		}
		try {
			chosen().saveAsWorkspaceDefault();
			return true;
		} catch (BackingStoreException e) {
			setErrorMessage("Could not save: " + e.getMessage());
			return false;
		}
	}
}
