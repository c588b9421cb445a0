/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.ui.internal;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.preference.PreferencePage;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.herald.messenger.CodePageRule;
import org.herald.messenger.CodePageStore;
import org.herald.messenger.CodePages;

/**
 * Preferences &gt; Character sets: the OEM code page of the DOS and Windows hosts on the network
 * (the default), and below it rules for the hosts, addresses or networks, and workgroups that use
 * another one. Messages go out in a host's code page when every character fits (else as UTF-8, as
 * smbclient does); unmarked text that arrives is read in it.
 */
public class CharsetsPage extends PreferencePage {

	/** The OEM code pages Windows used, by region. */
	static final String[] COMMON = { "IBM850 (Western Europe, the default)", "IBM437 (United States)", "IBM852 (Central Europe)",
			"IBM866 (Cyrillic)", "IBM857 (Turkish)", "x-IBM737 (Greek)", "IBM775 (Baltic)", "IBM862 (Hebrew)", "windows-1252 (Windows ANSI)" };

	private final CodePageStore store;
	private final List<CodePageRule> rules = new ArrayList<>();
	private Combo choice;
	private Label sample;
	private Table table;
	private Button edit;
	private Button remove;

	public CharsetsPage(CodePageStore store) {
		super("Character sets");
		this.store = store;
		setDescription("The OEM code page of the hosts Herald talks to. Text that does not fit it is sent as UTF-8.");
		noDefaultAndApplyButton();
	}

	@Override
	protected Control createContents(Composite parent) {
		CodePages saved = store.load();
		rules.addAll(saved.rules());
		Composite body = new Composite(parent, SWT.NONE);
		body.setLayout(new GridLayout(2, false));
		Composite row = new Composite(body, SWT.NONE);
		row.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
		GridLayout rowLayout = new GridLayout(2, false);
		rowLayout.marginWidth = 0;
		rowLayout.marginHeight = 0;
		row.setLayout(rowLayout);
		new Label(row, SWT.NONE).setText("&OEM code page (default):");
		choice = new Combo(row, SWT.DROP_DOWN);
		choice.setItems(COMMON);
		choice.setText(saved.defaultCodePage().name());
		choice.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		sample = new Label(body, SWT.WRAP);
		sample.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
		choice.addModifyListener(e -> validate());
		createRules(body);
		validate();
		return body;
	}

	private void createRules(Composite body) {
		Label intro = new Label(body, SWT.WRAP);
		intro.setText("Hosts that use another code page. The most specific rule decides: a host name, then the address rule"
				+ " with the longest prefix, then the workgroup, then the code page above.");
		GridData introData = new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1);
		introData.widthHint = 420;
		introData.verticalIndent = 12;
		intro.setLayoutData(introData);
		table = new Table(body, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
		table.setHeaderVisible(true);
		table.setLinesVisible(true);
		GridData tableData = new GridData(SWT.FILL, SWT.FILL, true, true);
		tableData.heightHint = 150;
		table.setLayoutData(tableData);
		String[] names = { "Applies to", "Match", "Code page" };
		int[] widths = { 150, 150, 100 };
		for (int i = 0; i < names.length; i++) {
			TableColumn c = new TableColumn(table, SWT.LEFT);
			c.setText(names[i]);
			c.setWidth(widths[i]);
		}
		Composite buttons = new Composite(body, SWT.NONE);
		buttons.setLayoutData(new GridData(SWT.FILL, SWT.TOP, false, false));
		GridLayout buttonsLayout = new GridLayout(1, true);
		buttonsLayout.marginWidth = 0;
		buttonsLayout.marginHeight = 0;
		buttons.setLayout(buttonsLayout);
		Button add = button(buttons, "&Add...");
		edit = button(buttons, "&Edit...");
		remove = button(buttons, "&Remove");
		add.addListener(SWT.Selection, e -> openDialog(null));
		edit.addListener(SWT.Selection, e -> editSelected());
		remove.addListener(SWT.Selection, e -> removeSelected());
		table.addListener(SWT.Selection, e -> updateButtons());
		table.addListener(SWT.DefaultSelection, e -> editSelected());
		refreshTable();
	}

	private static Button button(Composite parent, String text) {
		Button b = new Button(parent, SWT.PUSH);
		b.setText(text);
		b.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		return b;
	}

	private void openDialog(CodePageRule initial) {
		CodePageRuleDialog dialog = new CodePageRuleDialog(getShell(), initial);
		if (dialog.open() == Window.OK && dialog.result() != null) {
			if (initial != null && !initial.match().equals(dialog.result().match())) {
				rules.replaceAll(r -> r.equals(initial) ? dialog.result() : r);
				put(dialog.result()); // if the new match was already there, the old one goes
			} else {
				put(dialog.result());
			}
		}
	}

	private void editSelected() {
		int i = table.getSelectionIndex();
		if (i >= 0) {
			openDialog(rules.get(i));
		}
	}

	/** Adds a rule, or replaces the rule for the same match where it stands; selects it. */
	void put(CodePageRule rule) {
		int at = -1;
		for (int i = 0; i < rules.size(); i++) {
			if (rules.get(i).match().equals(rule.match())) {
				if (at < 0) {
					rules.set(i, rule);
					at = i;
				} else {
					rules.remove(i--);
				}
			}
		}
		if (at < 0) {
			rules.add(rule);
			at = rules.size() - 1;
		}
		refreshTable();
		table.setSelection(at);
		updateButtons();
	}

	void removeSelected() {
		int i = table.getSelectionIndex();
		if (i >= 0) {
			rules.remove(i);
			refreshTable();
			table.setSelection(Math.min(i, rules.size() - 1));
			updateButtons();
		}
	}

	private void refreshTable() {
		table.removeAll();
		for (CodePageRule r : rules) {
			TableItem item = new TableItem(table, SWT.NONE);
			item.setText(new String[] { CodePageRuleDialog.KIND_LABELS[kindIndex(r)], r.match().text(), r.codePage().name() });
		}
		updateButtons();
	}

	private static int kindIndex(CodePageRule r) {
		return java.util.Arrays.asList(CodePageRuleDialog.KINDS).indexOf(r.match().kind());
	}

	private void updateButtons() {
		boolean selected = table.getSelectionIndex() >= 0;
		edit.setEnabled(selected);
		remove.setEnabled(selected);
	}

	/** The charset named by the combo's text (the part before a space), or null if it cannot be an OEM code page. */
	static Charset parse(String text) {
		String name = text.strip().split("\\s+")[0];
		try {
			return name.isEmpty() ? null : CodePageRule.codePage(name);
		} catch (IllegalArgumentException e) {
			return null;
		}
	}

	private void validate() {
		Charset c = parse(choice.getText());
		if (c == null) {
			setErrorMessage("Not an OEM code page this Java knows: " + choice.getText());
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

	/** The default and the rules as the page shows them. */
	CodePages shown() {
		Charset c = parse(choice.getText());
		return new CodePages(c != null ? c : store.load().defaultCodePage(), rules);
	}

	/** For tests: the widgets. */
	Table table() {
		return table;
	}

	Combo defaultField() {
		return choice;
	}

	@Override
	public boolean performOk() {
		if (choice == null) {
			return true;
		}
		Charset c = parse(choice.getText());
		if (c == null) {
			return false;
		}
		try {
			store.save(new CodePages(c, rules));
			return true;
		} catch (IOException e) {
			setErrorMessage("Could not save: " + e.getMessage());
			return false;
		}
	}
}
