/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.ui.internal;

import java.io.IOException;
import java.util.function.Consumer;

import org.eclipse.jface.preference.PreferencePage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.herald.api.Identity;
import org.herald.api.Settings;

/** Identity, interfaces and WINS. */
class IdentityPreferencePage extends PreferencePage {

	private final Settings settings;
	private final Consumer<Identity> onSaved;
	private Text name;
	private Text workgroup;
	private Text interfaces;
	private Text wins;

	IdentityPreferencePage(Settings settings, Consumer<Identity> onSaved) {
		super("Identity");
		this.settings = settings;
		this.onSaved = onSaved;
		setDescription("Herald's NetBIOS identity and the interfaces it binds to. Herald never binds or broadcasts elsewhere.");
		noDefaultAndApplyButton();
	}

	@Override
	protected Control createContents(Composite parent) {
		Composite body = new Composite(parent, SWT.NONE);
		body.setLayout(new GridLayout(2, false));
		IdentityForm current = IdentityForm.of(settings.identity());
		name = field(body, "NetBIOS &name:", current.name(), "Up to 15 characters; Herald registers NAME<00> and NAME<03>");
		workgroup = field(body, "&Workgroup:", current.workgroup(), "The workgroup Herald joins");
		interfaces = field(body, "&Interfaces:", current.interfaces(), "IP/PREFIX, comma-separated, e.g. 127.0.0.2/8");
		wins = field(body, "W&INS server:", current.wins(), "Empty: broadcast node (B-node)");
		validate();
		return body;
	}

	private Text field(Composite body, String label, String value, String hint) {
		new Label(body, SWT.NONE).setText(label);
		Text text = new Text(body, SWT.BORDER | SWT.SINGLE);
		text.setText(value);
		text.setMessage(hint);
		text.setToolTipText(hint);
		GridData data = new GridData(SWT.FILL, SWT.CENTER, true, false);
		data.widthHint = 320;
		text.setLayoutData(data);
		text.addModifyListener(e -> validate());
		return text;
	}

	private IdentityForm form() {
		return new IdentityForm(name.getText(), workgroup.getText(), interfaces.getText(), wins.getText());
	}

	private void validate() {
		String problem = form().problem().orElse(null);
		setErrorMessage(problem);
		setValid(problem == null);
	}

	@Override
	public boolean performOk() {
		if (name == null) {
			return true; // never shown
		}
		try {
			Identity identity = form().toIdentity();
			settings.save(identity);
			onSaved.accept(identity);
			return true;
		} catch (IOException | IllegalArgumentException e) {
			setErrorMessage(e.getMessage());
			return false;
		}
	}
}
