/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.ui.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.herald.api.Identity;
import org.herald.messenger.DeliveryDiagnosis;
import org.herald.messenger.Diagnosis;

/**
 * "Why didn't it arrive?": the path of a message to one recipient, step by step, as
 * {@code herald diagnose} walks it ({@link DeliveryDiagnosis}). The diagnosis runs on a virtual
 * thread (its probes then end at once when cancelled); the dialog is modeless and shows each step's
 * outcome in plain words, what was seen and the fix, with the first broken step selected. Copy puts
 * the same text on the clipboard as the command prints.
 */
public final class DiagnosisDialog extends TitleAreaDialog {

	/** The command's default wait per step. */
	public static final Duration STEP_TIMEOUT = Duration.ofSeconds(3);
	public static final int NUMBER = 0, STEP = 1, OUTCOME = 2, FINDING = 3, FIX = 4;
	static final int COPY_ID = IDialogConstants.CLIENT_ID + 1;
	static final int STOP_ID = IDialogConstants.CLIENT_ID + 2;
	private static final String[] COLUMNS = { "#", "Step", "Outcome", "What was seen", "Fix" };
	private static final int[] WIDTHS = { 30, 150, 80, 380, 300 };

	private final DeliveryDiagnosis diagnosis;
	private final Identity identity;
	private final String target;
	private final Duration stepTimeout;
	private Display display;
	private ProgressBar progress;
	private Label status;
	private Table table;
	private Text detail;
	private Thread worker;
	private Diagnosis result;

	public DiagnosisDialog(Shell parent, DeliveryDiagnosis diagnosis, Identity identity, String target) {
		this(parent, diagnosis, identity, target, STEP_TIMEOUT);
	}

	/** @param stepTimeout the longest wait of each step */
	public DiagnosisDialog(Shell parent, DeliveryDiagnosis diagnosis, Identity identity, String target, Duration stepTimeout) {
		super(parent);
		this.diagnosis = diagnosis;
		this.identity = identity;
		this.target = target;
		this.stepTimeout = stepTimeout;
		setShellStyle((getShellStyle() & ~SWT.APPLICATION_MODAL) | SWT.MODELESS | SWT.RESIZE);
		setBlockOnOpen(false);
	}

	/** The plain words of an outcome. */
	public static String words(Diagnosis.Outcome outcome) {
		return switch (outcome) {
		case OK -> "ok";
		case INFO -> "note";
		case WARN -> "warning";
		case FAIL -> "broken";
		case SKIPPED -> "skipped";
		};
	}

	@Override
	protected void configureShell(Shell shell) {
		super.configureShell(shell);
		shell.setText("Why didn't it arrive? " + target);
	}

	@Override
	protected Control createDialogArea(Composite parent) {
		display = parent.getDisplay();
		setTitle("The path of a message to " + target);
		setMessage("Each step a message takes, as herald diagnose walks it. Nothing is delivered: the message probe is abandoned before any text.");
		Composite area = (Composite) super.createDialogArea(parent);
		Composite body = new Composite(area, SWT.NONE);
		body.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		body.setLayout(new GridLayout(2, false));
		progress = new ProgressBar(body, SWT.INDETERMINATE);
		progress.setLayoutData(new GridData(SWT.BEGINNING, SWT.CENTER, false, false));
		status = new Label(body, SWT.WRAP);
		status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		table = new Table(body, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
		table.setHeaderVisible(true);
		table.setLinesVisible(true);
		for (int i = 0; i < COLUMNS.length; i++) {
			TableColumn c = new TableColumn(table, SWT.LEFT);
			c.setText(COLUMNS[i]);
			c.setWidth(WIDTHS[i]);
		}
		GridData tableData = new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1);
		tableData.heightHint = 265;
		table.setLayoutData(tableData);
		table.addListener(SWT.Selection, e -> showSelected());
		detail = new Text(body, SWT.MULTI | SWT.WRAP | SWT.READ_ONLY | SWT.BORDER | SWT.V_SCROLL);
		GridData detailData = new GridData(SWT.FILL, SWT.FILL, true, false, 2, 1);
		detailData.heightHint = 90;
		detailData.widthHint = 900;
		detail.setLayoutData(detailData);
		start();
		return area;
	}

	@Override
	protected void createButtonsForButtonBar(Composite parent) {
		createButton(parent, COPY_ID, "&Copy", false).setEnabled(false);
		createButton(parent, STOP_ID, "&Stop", false);
		createButton(parent, IDialogConstants.CLOSE_ID, IDialogConstants.CLOSE_LABEL, true);
	}

	@Override
	protected void buttonPressed(int id) {
		if (id == COPY_ID) {
			copy();
		} else if (id == STOP_ID) {
			stop();
		} else if (id == IDialogConstants.CLOSE_ID) {
			close();
		} else {
			super.buttonPressed(id);
		}
	}

	@Override
	public boolean close() {
		if (worker != null) {
			worker.interrupt();
		}
		return super.close();
	}

	private void start() {
		status.setText("Checking the path to " + target + " (each step waits up to " + stepTimeout.toSeconds() + " s)...");
		worker = Thread.ofVirtual().name("herald-diagnose " + target).start(() -> {
			try {
				Diagnosis d = diagnosis.diagnose(identity, target, stepTimeout);
				ui(() -> show(d));
			} catch (InterruptedIOException e) {
				ui(() -> finish("Stopped: the diagnosis was cancelled before its end."));
			} catch (IllegalArgumentException e) {
				ui(() -> finish("Cannot diagnose " + target + ": " + e.getMessage()));
			} catch (IOException | RuntimeException e) {
				boolean cancelled = Thread.currentThread().isInterrupted();
				ui(() -> finish(cancelled ? "Stopped: the diagnosis was cancelled before its end." : "The diagnosis failed: " + e.getMessage()));
			}
		});
	}

	private void stop() {
		if (worker != null) {
			worker.interrupt();
		}
		status.setText("Stopping...");
		getButton(STOP_ID).setEnabled(false);
	}

	private void ui(Runnable r) {
		if (!display.isDisposed()) {
			display.asyncExec(() -> {
				if (table != null && !table.isDisposed()) {
					r.run();
				}
			});
		}
	}

	private void finish(String message) {
		worker = null;
		progress.setVisible(false);
		((GridData) progress.getLayoutData()).exclude = true;
		status.setText(message);
		getButton(STOP_ID).setEnabled(false);
		status.getParent().layout(true);
	}

	private void show(Diagnosis d) {
		result = d;
		int n = 1;
		for (Diagnosis.Step s : d.steps()) {
			TableItem item = new TableItem(table, SWT.NONE);
			item.setText(new String[] { Integer.toString(n++), s.title(), words(s.outcome()), s.finding(), s.fix().orElse("") });
			int color = switch (s.outcome()) {
			case OK -> SWT.COLOR_DARK_GREEN;
			case FAIL -> SWT.COLOR_RED;
			case WARN -> SWT.COLOR_DARK_YELLOW;
			case INFO, SKIPPED -> SWT.COLOR_DARK_GRAY;
			};
			item.setForeground(OUTCOME, display.getSystemColor(color));
			item.setData(s);
		}
		int broken = d.firstFailure().map(d.steps()::indexOf).orElse(-1);
		if (broken >= 0) {
			table.setSelection(broken);
			table.showSelection();
			setErrorMessage("Breaks at " + d.firstFailure().get().title() + ". " + d.firstFailure().get().fix().map(f -> "Fix: " + f).orElse(""));
		} else {
			setMessage("Every step answered: a message to " + target + " should arrive.");
		}
		showSelected();
		getButton(COPY_ID).setEnabled(true);
		long broke = d.steps().stream().filter(s -> s.outcome() == Diagnosis.Outcome.FAIL).count();
		finish(d.steps().size() + " steps checked" + (broke == 0 ? ", none broken."
				: ", " + broke + " broken; the first is selected. Copy gives the text herald diagnose prints."));
	}

	private void showSelected() {
		TableItem[] selected = table.getSelection();
		if (selected.length == 0 || !(selected[0].getData() instanceof Diagnosis.Step s)) {
			detail.setText("");
			return;
		}
		detail.setText(s.title() + ": " + words(s.outcome()) + "\nSeen: " + s.finding() + s.fix().map(f -> "\nFix: " + f).orElse(""));
	}

	private void copy() {
		Clipboard clipboard = new Clipboard(display);
		try {
			clipboard.setContents(new Object[] { result.report() }, new Transfer[] { TextTransfer.getInstance() });
		} finally {
			clipboard.dispose();
		}
	}

	/** For tests: the result once shown, else null. */
	public Diagnosis result() {
		return result;
	}

	public Table table() {
		return table;
	}

	public Text detail() {
		return detail;
	}

	public Label status() {
		return status;
	}

	/** Whether the diagnosis is still running. */
	public boolean running() {
		return worker != null;
	}

	/** For tests: presses a button as the user would. */
	public void press(String which) {
		buttonPressed(switch (which) {
		case "copy" -> COPY_ID;
		case "stop" -> STOP_ID;
		default -> IDialogConstants.CLOSE_ID;
		});
	}

	public Button button(String which) {
		return getButton(switch (which) {
		case "copy" -> COPY_ID;
		case "stop" -> STOP_ID;
		default -> IDialogConstants.CLOSE_ID;
		});
	}
}
