/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.ui.internal;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.herald.peer.Fingerprint;
import org.herald.peer.IdentityKey;
import org.herald.peer.PeerPins;
import org.herald.peer.Pin;

/**
 * Message &gt; Herald Peers: our own fingerprint, and the Herald peers whose keys are pinned here
 * (name, fingerprint in 12 groups of 5 digits, verified, last seen). Verify a peer by typing the
 * fingerprint its administrator reads out; forget a peer that was reinstalled, so its next key is
 * pinned anew. The same pins as {@code herald peers}.
 */
public class PeersDialog extends TitleAreaDialog {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneId.systemDefault());
	static final int VERIFY_ID = IDialogConstants.CLIENT_ID + 1;
	static final int FORGET_ID = IDialogConstants.CLIENT_ID + 2;

	private final PeerPins pins;
	private final Fingerprint own;
	private Table table;
	private Text ownField;
	private Button verify;
	private Button forget;
	private List<Pin> shown = List.of();

	/**
	 * @param own our fingerprint, or null if this workspace has no key yet
	 */
	public PeersDialog(Shell parent, PeerPins pins, Fingerprint own) {
		super(parent);
		this.pins = pins;
		this.own = own;
		setShellStyle(getShellStyle() | SWT.RESIZE);
	}

	/** The dialog for the pins and key of {@code workspace} (the key is created if there is none). */
	public static PeersDialog of(Shell parent, java.nio.file.Path workspace) throws IOException {
		return new PeersDialog(parent, PeerPins.in(workspace), IdentityKey.loadOrCreate(workspace).fingerprint());
	}

	@Override
	protected void configureShell(Shell shell) {
		super.configureShell(shell);
		shell.setText("Herald Peers");
	}

	@Override
	protected Control createDialogArea(Composite parent) {
		setTitle("Herald peers and their keys");
		setMessage("Messages to and from these Heralds are encrypted. Compare fingerprints by phone, then Verify.");
		Composite area = (Composite) super.createDialogArea(parent);
		Composite body = new Composite(area, SWT.NONE);
		body.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		body.setLayout(new GridLayout(2, false));
		new Label(body, SWT.NONE).setText("Our fingerprint:");
		ownField = new Text(body, SWT.READ_ONLY | SWT.SINGLE);
		ownField.setText(own == null ? "(no key yet)" : own.toString());
		ownField.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		table = new Table(body, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
		table.setHeaderVisible(true);
		table.setLinesVisible(true);
		GridData tableData = new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1);
		tableData.heightHint = 180;
		tableData.widthHint = 920;
		table.setLayoutData(tableData);
		String[] names = { "Name", "Fingerprint", "Verified", "Last seen" };
		int[] widths = { 110, 560, 80, 140 };
		for (int i = 0; i < names.length; i++) {
			TableColumn c = new TableColumn(table, SWT.LEFT);
			c.setText(names[i]);
			c.setWidth(widths[i]);
		}
		table.addListener(SWT.Selection, e -> selectionChanged());
		table.addListener(SWT.DefaultSelection, e -> verifySelected());
		return area;
	}

	@Override
	protected void createButtonsForButtonBar(Composite parent) {
		verify = createButton(parent, VERIFY_ID, "&Verify...", false);
		forget = createButton(parent, FORGET_ID, "&Forget...", false);
		createButton(parent, IDialogConstants.CLOSE_ID, IDialogConstants.CLOSE_LABEL, true);
		load();
	}

	@Override
	protected void buttonPressed(int id) {
		switch (id) {
		case VERIFY_ID -> verifySelected();
		case FORGET_ID -> forgetSelected();
		case IDialogConstants.CLOSE_ID -> close();
		default -> super.buttonPressed(id);
		}
	}

	/** Reads the pins again and shows them. */
	void load() {
		Pin before = table.getSelectionIndex() < 0 ? null : selected();
		try {
			shown = pins.list();
			setErrorMessage(null);
		} catch (IOException e) {
			shown = List.of();
			setErrorMessage(e.getMessage());
		}
		table.removeAll();
		for (Pin p : shown) {
			TableItem item = new TableItem(table, SWT.NONE);
			item.setText(new String[] { p.name(), p.fingerprint().toString(), p.verified() ? "verified" : "no", time(p.lastSeen()) });
			item.setForeground(2, table.getDisplay().getSystemColor(p.verified() ? SWT.COLOR_DARK_GREEN : SWT.COLOR_DARK_YELLOW));
		}
		for (int i = 0; before != null && i < shown.size(); i++) {
			if (shown.get(i).name().equals(before.name())) {
				table.select(i);
			}
		}
		if (shown.isEmpty()) {
			setMessage("No Herald peer is pinned yet: a peer's key is pinned when it first sends to us or we to it.");
		}
		selectionChanged();
	}

	private static String time(Instant t) {
		return TIME.format(t);
	}

	private Pin selected() {
		int i = table.getSelectionIndex();
		return i < 0 || i >= shown.size() ? null : shown.get(i);
	}

	private void selectionChanged() {
		Pin p = selected();
		verify.setEnabled(p != null && !p.verified());
		forget.setEnabled(p != null);
	}

	/** Asks for the fingerprint the peer's administrator reads out; marks the pin verified if it matches. */
	void verifySelected() {
		Pin p = selected();
		if (p == null || p.verified()) {
			return;
		}
		VerifyFingerprintDialog dialog = new VerifyFingerprintDialog(getShell(), p);
		if (dialog.open() == Window.OK) {
			verify(p.name(), dialog.fingerprint());
		}
	}

	/** Marks {@code name}'s pin verified if {@code typed} is its fingerprint; says so either way. Returns whether it matched. */
	boolean verify(String name, Fingerprint typed) {
		try {
			if (pins.verify(name, typed)) {
				load();
				setMessage(name + "'s key is verified.");
				return true;
			}
			load();
			setErrorMessage("The fingerprint does not match " + name + "'s pinned key: it stays unverified. Someone else may be answering"
					+ " as " + name + ": ask its administrator again, or forget the pin if " + name + " was reinstalled.");
			return false;
		} catch (IOException e) {
			setErrorMessage(e.getMessage());
			return false;
		}
	}

	private void forgetSelected() {
		Pin p = selected();
		if (p != null && MessageDialog.openConfirm(getShell(), "Forget " + p.name(), "Forget the key pinned for " + p.name()
				+ "? The next key it presents is pinned as new, unverified. Do this only if " + p.name() + " was reinstalled.")) {
			forget(p.name());
		}
	}

	/** Removes the pin of {@code name}. */
	void forget(String name) {
		try {
			pins.forget(name);
			load();
			setMessage(name + " is forgotten: its next key is pinned on first use.");
		} catch (IOException e) {
			setErrorMessage(e.getMessage());
		}
	}

	/** For tests. */
	Table table() {
		return table;
	}

	Text ownField() {
		return ownField;
	}

	Button verifyButton() {
		return verify;
	}

	Button forgetButton() {
		return forget;
	}

	String errorMessage() {
		return getErrorMessage();
	}
}
