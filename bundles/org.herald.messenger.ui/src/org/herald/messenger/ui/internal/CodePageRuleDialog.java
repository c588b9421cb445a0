/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.ui.internal;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.herald.messenger.CodePageMatch;
import org.herald.messenger.CodePageRule;

/** Add or edit one code page rule: the kind of match, the match, the code page. OK only for a valid rule. */
final class CodePageRuleDialog extends Dialog {

	/** The kinds as shown, in the order of {@link #KINDS}. */
	static final String[] KIND_LABELS = { "Host name", "Address or network", "Workgroup" };
	static final String[] KINDS = { "host", "address", "workgroup" };
	private static final String[] HINTS = { "a NetBIOS name, e.g. DOSBOX", "198.51.100.7 or 198.51.100.0/24", "e.g. ATHENS" };

	private final CodePageRule initial;
	private Combo kind;
	private Text match;
	private Combo codePage;
	private Label problem;
	private CodePageRule result;

	/** @param initial the rule to edit, or null to add one */
	CodePageRuleDialog(Shell parent, CodePageRule initial) {
		super(parent);
		this.initial = initial;
	}

	@Override
	protected void configureShell(Shell shell) {
		super.configureShell(shell);
		shell.setText(initial == null ? "Add a code page rule" : "Edit a code page rule");
	}

	@Override
	protected Control createDialogArea(Composite parent) {
		Composite area = (Composite) super.createDialogArea(parent);
		area.setLayout(new GridLayout(2, false));
		new Label(area, SWT.NONE).setText("&Applies to:");
		kind = new Combo(area, SWT.READ_ONLY);
		kind.setItems(KIND_LABELS);
		new Label(area, SWT.NONE).setText("&Match:");
		match = new Text(area, SWT.BORDER);
		GridData wide = new GridData(SWT.FILL, SWT.CENTER, true, false);
		wide.widthHint = 280;
		match.setLayoutData(wide);
		new Label(area, SWT.NONE).setText("&Code page:");
		codePage = new Combo(area, SWT.DROP_DOWN);
		codePage.setItems(CharsetsPage.COMMON);
		codePage.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		problem = new Label(area, SWT.WRAP);
		problem.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
		if (initial != null) {
			kind.select(indexOf(initial.match().kind()));
			match.setText(initial.match().text());
			codePage.setText(initial.codePage().name());
		} else {
			kind.select(0);
			codePage.setText("IBM866 (Cyrillic)");
		}
		match.setMessage(HINTS[kind.getSelectionIndex()]);
		kind.addListener(SWT.Selection, e -> {
			match.setMessage(HINTS[kind.getSelectionIndex()]);
			validate();
		});
		match.addModifyListener(e -> validate());
		codePage.addModifyListener(e -> validate());
		return area;
	}

	@Override
	protected void createButtonsForButtonBar(Composite parent) {
		super.createButtonsForButtonBar(parent);
		validate();
	}

	private static int indexOf(String k) {
		for (int i = 0; i < KINDS.length; i++) {
			if (KINDS[i].equals(k)) {
				return i;
			}
		}
		return 0;
	}

	/**
	 * The rule the fields describe.
	 *
	 * @throws IllegalArgumentException saying what is wrong
	 */
	static CodePageRule rule(int kindIndex, String matchText, String codePageText) {
		if (matchText.isBlank()) {
			throw new IllegalArgumentException("Give the " + KIND_LABELS[kindIndex].toLowerCase(java.util.Locale.ROOT) + " the rule is for.");
		}
		String name = codePageText.strip().split("\\s+")[0];
		return new CodePageRule(CodePageMatch.of(KINDS[kindIndex], matchText), CodePageRule.codePage(name));
	}

	private void validate() {
		String error;
		try {
			result = rule(kind.getSelectionIndex(), match.getText(), codePage.getText());
			error = "";
		} catch (IllegalArgumentException e) {
			result = null;
			error = e.getMessage();
		}
		problem.setText(error);
		problem.getParent().layout();
		var ok = getButton(IDialogConstants.OK_ID);
		if (ok != null) {
			ok.setEnabled(result != null);
		}
	}

	/** The rule after OK. */
	CodePageRule result() {
		return result;
	}

	/** For tests: the fields. */
	Combo kindField() {
		return kind;
	}

	Text matchField() {
		return match;
	}

	Combo codePageField() {
		return codePage;
	}

	Label problemLabel() {
		return problem;
	}

	org.eclipse.swt.widgets.Button okButton() {
		return getButton(IDialogConstants.OK_ID);
	}

	@Override
	protected void okPressed() {
		if (result != null) {
			super.okPressed();
		}
	}
}
