/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.ui.internal;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;

import org.eclipse.jface.preference.PreferencePage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.herald.messenger.OemCodePage;
import org.osgi.service.prefs.BackingStoreException;

/**
 * Preferences &gt; Character sets: the OEM code page of the DOS and Windows hosts on the network.
 * Messages go out in it when every character fits (else as UTF-8, as smbclient does); unmarked
 * text that arrives is read in it.
 */
public class CharsetsPage extends PreferencePage {

	/** The OEM code pages Windows used, by region. */
	static final String[] COMMON = { "IBM850 (Western Europe, the default)", "IBM437 (United States)", "IBM852 (Central Europe)",
			"IBM866 (Cyrillic)", "IBM857 (Turkish)", "IBM737 (Greek)", "IBM775 (Baltic)", "IBM862 (Hebrew)", "windows-1252 (Windows ANSI)" };

	private Combo choice;
	private Label sample;

	public CharsetsPage() {
		super("Character sets");
		setDescription("The OEM code page of the hosts Herald talks to. Text that does not fit it is sent as UTF-8.");
		noDefaultAndApplyButton();
	}

	@Override
	protected Control createContents(Composite parent) {
		Composite body = new Composite(parent, SWT.NONE);
		body.setLayout(new GridLayout(2, false));
		new Label(body, SWT.NONE).setText("&OEM code page:");
		choice = new Combo(body, SWT.DROP_DOWN);
		choice.setItems(COMMON);
		choice.setText(OemCodePage.current().oem().name());
		choice.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		sample = new Label(body, SWT.WRAP);
		sample.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
		choice.addModifyListener(e -> validate());
		validate();
		return body;
	}

	/** The charset named by the combo's text (the part before a space), or null. */
	static Charset parse(String text) {
		String name = text.strip().split("\\s+")[0];
		try {
			return name.isEmpty() ? null : Charset.forName(name);
		} catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
			return null;
		}
	}

	private void validate() {
		Charset c = parse(choice.getText());
		if (c == null) {
			setErrorMessage("Not a character set this Java knows: " + choice.getText());
			setValid(false);
			sample.setText("");
			return;
		}
		setErrorMessage(null);
		setValid(true);
		String probe = "Grüße, café, naïve";
		sample.setText(c.newEncoder().canEncode(probe) ? "\"" + probe + "\" fits " + c.name() + " (" + probe.getBytes(c).length + " bytes)."
				: "\"" + probe + "\" does not fit " + c.name() + ": such text goes out as UTF-8 (" + probe.getBytes(StandardCharsets.UTF_8).length
						+ " bytes).");
		sample.getParent().layout();
	}

	@Override
	public boolean performOk() {
		Charset c = choice == null ? null : parse(choice.getText());
		if (c == null) {
			return choice == null;
		}
		try {
			OemCodePage.save(c);
			return true;
		} catch (BackingStoreException e) {
			setErrorMessage("Could not save: " + e.getMessage());
			return false;
		}
	}
}
