/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.ui.internal;

import java.io.IOException;
import java.time.Duration;

import org.eclipse.jface.preference.PreferencePage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.List;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;
import org.herald.api.SessionLimits;
import org.herald.inbox.Inbox;
import org.herald.inbox.SenderPattern;
import org.herald.inbox.SpamPolicy;
import org.herald.inbox.SpamRule;
import org.herald.inbox.SpamSettings;

/**
 * Preferences &gt; Spam defence: the flood limit, the session limits (sessions at once per address
 * and in all, the idle timeout), quarantine for senders outside Herald's subnets, and the block,
 * allow and trust lists. The policy lives in the inbox store, so the workbench and a
 * headless {@code herald listen} on the same workspace apply the same one.
 */
public class SpamDefencePage extends PreferencePage {

	private final Inbox inbox;
	private Spinner floodLimit;
	private Spinner floodWindow;
	private Spinner idleTimeout;
	private Spinner perAddress;
	private Spinner total;
	private Button quarantine;
	private Button storeBlocked;
	private List rules;
	private Combo list;
	private Text pattern;

	public SpamDefencePage(Inbox inbox) {
		super("Spam defence");
		this.inbox = inbox;
		setDescription("Flood limits, quarantine and sender lists. Blocked and quarantined messages never pop up.");
		noDefaultAndApplyButton();
	}

	@Override
	protected Control createContents(Composite parent) {
		Composite body = new Composite(parent, SWT.NONE);
		body.setLayout(new GridLayout(3, false));
		SpamPolicy policy;
		try {
			policy = inbox.policy();
		} catch (IOException e) {
			new Label(body, SWT.WRAP).setText("The inbox store cannot be read: " + e.getMessage());
			return body;
		}
		SpamSettings s = policy.settings();
		new Label(body, SWT.NONE).setText("&Flood limit (messages per sender, 0 = none):");
		floodLimit = new Spinner(body, SWT.BORDER);
		floodLimit.setValues(s.floodLimit(), 0, 100_000, 0, 1, 10);
		new Label(body, SWT.NONE);
		new Label(body, SWT.NONE).setText("... within (seconds):");
		floodWindow = new Spinner(body, SWT.BORDER);
		floodWindow.setValues((int) s.floodWindow().toSeconds(), 1, 86_400, 0, 1, 10);
		new Label(body, SWT.NONE);
		SessionLimits l = s.sessions();
		new Label(body, SWT.NONE).setText("&Sessions at once per sender address (TCP 139/445):");
		perAddress = new Spinner(body, SWT.BORDER);
		perAddress.setValues(l.perAddress(), 1, SessionLimits.MAX_SESSIONS, 0, 1, 10);
		new Label(body, SWT.NONE);
		new Label(body, SWT.NONE).setText("... and from all senders:");
		total = new Spinner(body, SWT.BORDER);
		total.setValues(l.total(), 1, SessionLimits.MAX_SESSIONS, 0, 1, 100);
		new Label(body, SWT.NONE);
		new Label(body, SWT.NONE).setText("Close a session silent or half-sent after (&seconds):");
		idleTimeout = new Spinner(body, SWT.BORDER);
		idleTimeout.setValues((int) l.idleTimeout().toSeconds(), 1, (int) SessionLimits.MAX_IDLE_TIMEOUT.toSeconds(), 0, 1, 10);
		new Label(body, SWT.NONE);
		quarantine = new Button(body, SWT.CHECK);
		quarantine.setText("&Quarantine messages from senders outside Herald's subnets and the trusted networks");
		quarantine.setSelection(s.quarantineOutsiders());
		quarantine.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1));
		storeBlocked = new Button(body, SWT.CHECK);
		storeBlocked.setText("&Keep blocked messages (marked blocked) instead of only counting them");
		storeBlocked.setSelection(s.storeBlocked());
		storeBlocked.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1));

		Label rulesLabel = new Label(body, SWT.NONE);
		rulesLabel.setText("Sender lists (a name, an address or a subnet such as 198.51.100.0/24):");
		rulesLabel.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1));
		rules = new List(body, SWT.BORDER | SWT.V_SCROLL | SWT.MULTI);
		GridData rulesData = new GridData(SWT.FILL, SWT.FILL, true, true, 3, 1);
		rulesData.heightHint = 120;
		rules.setLayoutData(rulesData);
		showRules(policy);
		list = new Combo(body, SWT.READ_ONLY);
		list.setItems("block", "allow", "trust");
		list.select(0);
		pattern = new Text(body, SWT.BORDER);
		pattern.setMessage("ALICE, 198.51.100.7 or 198.51.100.0/24");
		pattern.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		Composite buttons = new Composite(body, SWT.NONE);
		buttons.setLayout(new GridLayout(2, true));
		Button add = new Button(buttons, SWT.PUSH);
		add.setText("&Add");
		add.addListener(SWT.Selection, e -> addRule());
		Button remove = new Button(buttons, SWT.PUSH);
		remove.setText("&Remove");
		remove.addListener(SWT.Selection, e -> removeRules());
		return body;
	}

	private void showRules(SpamPolicy policy) {
		rules.removeAll();
		for (SpamRule r : policy.rules()) {
			rules.add(r.list().name().toLowerCase(java.util.Locale.ROOT) + "  " + r.pattern());
			rules.setData(Integer.toString(rules.getItemCount() - 1), r.pattern());
		}
	}

	private void addRule() {
		try {
			SenderPattern p = SenderPattern.parse(pattern.getText());
			inbox.addRule(new SpamRule(SpamRule.RuleList.values()[list.getSelectionIndex()], p));
			pattern.setText("");
			setErrorMessage(null);
			showRules(inbox.policy());
		} catch (IllegalArgumentException | IOException e) {
			setErrorMessage(e.getMessage());
		}
	}

	private void removeRules() {
		try {
			for (int i : rules.getSelectionIndices()) {
				inbox.removeRule((SenderPattern) rules.getData(Integer.toString(i)));
			}
			showRules(inbox.policy());
		} catch (IOException e) {
			setErrorMessage(e.getMessage());
		}
	}

	@Override
	public boolean performOk() {
		if (floodLimit == null) {
			return true;
		}
		try {
			inbox.updateSettings(new SpamSettings(floodLimit.getSelection(), Duration.ofSeconds(floodWindow.getSelection()),
					storeBlocked.getSelection(), quarantine.getSelection(),
					new SessionLimits(Duration.ofSeconds(idleTimeout.getSelection()), perAddress.getSelection(), total.getSelection())));
			return true;
		} catch (IOException | IllegalArgumentException e) {
			setErrorMessage(e.getMessage());
			return false;
		}
	}
}
