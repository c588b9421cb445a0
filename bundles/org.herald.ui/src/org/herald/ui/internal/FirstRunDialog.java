/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.ui.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
import org.herald.api.BindInterface;
import org.herald.api.Settings;
import org.herald.api.setup.NetworkSurvey;
import org.herald.api.setup.Survey;
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
	private NetworkSurvey survey;
	private Optional<Survey> configured = Optional.empty();
	private Button look;
	private Label finding;
	/** Whether the user typed a workgroup: a survey then leaves it alone. */
	private boolean workgroupTyped;
	private boolean filling;
	/** A survey is running (the button waits for its answer). */
	private boolean asking;

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

	/**
	 * Lets the dialog ask the network (a "Look on the network" button, for the checked interfaces
	 * only, when the user presses it) and starts it from {@code configured}: what this machine's
	 * configuration says, read with no traffic. Call before {@link #open()}; without it the dialog
	 * proposes WORKGROUP and no WINS server.
	 */
	void survey(NetworkSurvey survey, Optional<Survey> configured) {
		this.survey = survey;
		this.configured = configured;
	}

	/** What this machine's configuration says, read with no traffic (off the UI thread); empty without a survey. */
	static Optional<Survey> configured(NetworkSurvey survey) {
		if (survey == null) {
			return Optional.empty();
		}
		try {
			return Optional.of(survey.survey(List.of()));
		} catch (IOException | RuntimeException e) {
			return Optional.empty();
		}
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
		workgroup = field(body, "&Workgroup:", configured.flatMap(Survey::workgroup).orElse(DEFAULT_WORKGROUP), "The workgroup Herald joins");
		workgroup.addModifyListener(e -> workgroupTyped |= !filling);
		wins = field(body, "W&INS server:", "", "Optional: the WINS server's IP (else broadcasts: B-node)");
		look = new Button(body, SWT.PUSH);
		look.setText("Look on the &network");
		look.setToolTipText("Asks the checked interfaces' subnets for their master browsers and checks the WINS servers this machine's configuration names");
		look.setLayoutData(new GridData(SWT.BEGINNING, SWT.BEGINNING, false, false));
		look.addListener(SWT.Selection, e -> lookOnTheNetwork());
		finding = new Label(body, SWT.WRAP);
		GridData findingData = new GridData(SWT.FILL, SWT.CENTER, true, false);
		findingData.widthHint = 420;
		finding.setLayoutData(findingData);
		finding.setText(configured.map(FirstRunDialog::describe).orElse(survey == null ? "" : "Nothing is sent until you ask."));
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
		String chosen = String.join(", ", checked().stream().map(BindInterface::toString).toList());
		return new IdentityForm(name.getText(), workgroup.getText(), chosen, wins.getText());
	}

	/** The checked interfaces, surveyed off the UI thread; the answer fills what the user did not type. */
	private void lookOnTheNetwork() {
		List<BindInterface> chosen = checked();
		if (survey == null || chosen.isEmpty()) {
			return;
		}
		asking = true;
		look.setEnabled(false);
		finding.setText("Asking " + String.join(", ", chosen.stream().map(BindInterface::toString).toList()) + " ...");
		NetworkSurvey s = survey;
		org.eclipse.swt.widgets.Display display = getShell().getDisplay();
		Thread.ofVirtual().name("herald-first-run-survey").start(() -> {
			String failure = null;
			Survey found = null;
			try {
				found = s.survey(chosen);
			} catch (IOException | RuntimeException e) {
				failure = "Could not ask the network: " + e.getMessage();
			}
			Survey result = found;
			String problem = failure;
			display.asyncExec(() -> {
				asking = false;
				if (finding == null || finding.isDisposed()) {
					return;
				}
				if (result != null) {
					apply(result);
				} else {
					finding.setText(problem);
				}
				validate();
			});
		});
	}

	private void apply(Survey s) {
		filling = true;
		try {
			if (!workgroupTyped) {
				s.workgroup().ifPresent(workgroup::setText);
			}
			if (wins.getText().isBlank()) {
				s.answeringWins().ifPresent(a -> wins.setText(a.getHostAddress()));
			}
		} finally {
			filling = false;
		}
		finding.setText(describe(s));
		finding.getParent().layout(true);
	}

	/** One or two lines on what a survey found, for the user: where the workgroup and the WINS server came from. */
	static String describe(Survey s) {
		StringBuilder sb = new StringBuilder();
		if (s.workgroups().isEmpty()) {
			sb.append(s.notes().isEmpty() ? "No workgroup found." : String.join("; ", s.notes()) + ".");
		} else {
			Survey.Workgroup w = s.workgroups().get(0);
			sb.append(w.name()).append(": ").append(w.source());
			if (s.workgroups().size() > 1) {
				sb.append(" (also seen: ").append(String.join(", ", s.workgroups().stream().skip(1).map(Survey.Workgroup::name).distinct().toList()))
						.append(")");
			}
			sb.append('.');
		}
		s.wins().stream().filter(Survey.Wins::answered).findFirst().or(() -> s.wins().stream().findFirst())
				.ifPresent(w -> sb.append("\nWINS ").append(w.address().getHostAddress()).append(" (").append(w.source()).append("): ").append(w.answer())
						.append('.'));
		return sb.toString();
	}

	private List<BindInterface> checked() {
		List<BindInterface> chosen = new ArrayList<>();
		for (TableItem item : interfaces.getItems()) {
			if (item.getChecked()) {
				chosen.add(((LocalInterface) item.getData()).address());
			}
		}
		return chosen;
	}

	private void validate() {
		Button start = getButton(IDialogConstants.OK_ID);
		if (start == null || interfaces == null) {
			return;
		}
		if (look != null && !look.isDisposed()) {
			look.setEnabled(survey != null && !checked().isEmpty() && !asking);
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

	Button lookButton() {
		return look;
	}

	Label findingLabel() {
		return finding;
	}
}
