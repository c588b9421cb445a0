/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.ui.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
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
import org.herald.api.Identity;
import org.herald.api.Settings;
import org.herald.ui.internal.LocalInterfaces.LocalInterface;

/**
 * The first-run setup, shown while no interface is configured: the machine's interfaces to choose
 * from, a proposed NetBIOS name and workgroup, a WINS server. Nothing binds until Start is pressed;
 * then the identity is saved in the workspace, as File &gt; Preferences does. Not modal: the
 * workbench stays usable (and offline) behind it.
 */
final class FirstRunDialog extends TitleAreaDialog {

	static final String DEFAULT_WORKGROUP = "WORKGROUP";

	private final List<LocalInterface> choices;
	private final String proposedName;
	private final Settings settings;
	private final Consumer<Identity> onSaved;
	private Table interfaces;
	private Text name;
	private Text workgroup;
	private Text wins;

	FirstRunDialog(Shell parent, List<LocalInterface> choices, String proposedName, Settings settings, Consumer<Identity> onSaved) {
		super(parent);
		this.choices = List.copyOf(choices);
		this.proposedName = proposedName;
		this.settings = settings;
		this.onSaved = onSaved;
		setShellStyle(SWT.DIALOG_TRIM | SWT.RESIZE | SWT.MODELESS);
		setBlockOnOpen(false);
		setHelpAvailable(false);
	}

	@Override
	protected void configureShell(Shell shell) {
		super.configureShell(shell);
		shell.setText("Set up Herald");
	}

	@Override
	protected Control createDialogArea(Composite parent) {
		setTitle("Set up Herald on this computer");
		setMessage("Choose the interfaces Herald binds to; it never binds or broadcasts elsewhere. Nothing is bound until you press Start.");
		Composite area = (Composite) super.createDialogArea(parent);
		Composite body = new Composite(area, SWT.NONE);
		body.setLayout(new GridLayout(2, false));
		body.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));

		Label l = new Label(body, SWT.NONE);
		l.setText("&Interfaces:");
		l.setLayoutData(new GridData(SWT.BEGINNING, SWT.BEGINNING, false, false));
		interfaces = new Table(body, SWT.CHECK | SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL);
		interfaces.setHeaderVisible(true);
		GridData tableData = new GridData(SWT.FILL, SWT.FILL, true, true);
		tableData.heightHint = 7 * interfaces.getItemHeight();
		tableData.widthHint = 420;
		interfaces.setLayoutData(tableData);
		for (String header : List.of("Device", "Address/prefix", "Broadcast", "State")) {
			new TableColumn(interfaces, SWT.NONE).setText(header);
		}
		boolean proposed = false;
		for (LocalInterface c : choices) {
			TableItem item = new TableItem(interfaces, SWT.NONE);
			item.setText(new String[] { c.device(), c.address().toString(), c.address().broadcast().getHostAddress(),
					(c.up() ? "up" : "down") + (c.loopback() ? ", loopback" : "") });
			item.setData(c);
			if (!proposed && c.up() && !c.loopback()) {
				item.setChecked(true); // the proposal: the first interface that is up and not loopback
				proposed = true;
			}
		}
		for (TableColumn column : interfaces.getColumns()) {
			column.pack();
		}
		interfaces.addListener(SWT.Selection, e -> validate());

		name = field(body, "NetBIOS &name:", proposedName, "Up to 15 characters (from the host name)");
		workgroup = field(body, "&Workgroup:", DEFAULT_WORKGROUP, "The workgroup Herald joins");
		wins = field(body, "W&INS server:", "", "Optional: the WINS server's IP (else broadcasts: B-node)");
		Label note = new Label(body, SWT.WRAP);
		note.setText("Change these later in File > Preferences.");
		note.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
		return area;
	}

	private Text field(Composite body, String label, String value, String hint) {
		new Label(body, SWT.NONE).setText(label);
		Text text = new Text(body, SWT.BORDER | SWT.SINGLE);
		text.setText(value);
		text.setMessage(hint);
		text.setToolTipText(hint);
		text.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		text.addModifyListener(e -> validate());
		return text;
	}

	@Override
	protected void createButtonsForButtonBar(Composite parent) {
		createButton(parent, IDialogConstants.OK_ID, "&Start Herald", true);
		createButton(parent, IDialogConstants.CANCEL_ID, "&Not now", false);
		validate();
	}

	/** The form as it stands: the checked interfaces and the fields. */
	IdentityForm form() {
		List<String> checked = new ArrayList<>();
		for (TableItem item : interfaces.getItems()) {
			if (item.getChecked()) {
				checked.add(((LocalInterface) item.getData()).address().toString());
			}
		}
		return new IdentityForm(name.getText(), workgroup.getText(), String.join(", ", checked), wins.getText());
	}

	private void validate() {
		Button start = getButton(IDialogConstants.OK_ID);
		if (start == null || interfaces == null) {
			return;
		}
		IdentityForm f = form();
		String problem = f.interfaces().isEmpty() ? "Choose at least one interface." : f.problem().orElse(null);
		setErrorMessage(problem);
		start.setEnabled(problem == null);
	}

	@Override
	protected void okPressed() {
		Identity identity;
		try {
			identity = form().toIdentity();
			settings.save(identity);
		} catch (IllegalArgumentException | IOException e) {
			setErrorMessage("Not saved: " + e.getMessage());
			return;
		}
		super.okPressed();
		onSaved.accept(identity);
	}

	Button startButton() {
		return getButton(IDialogConstants.OK_ID);
	}

	Table interfacesTable() {
		return interfaces;
	}

	Text nameField() {
		return name;
	}

	Text workgroupField() {
		return workgroup;
	}

	Text winsField() {
		return wins;
	}
}
