/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.extensions.ui;

import java.lang.reflect.InvocationTargetException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.operation.IRunnableWithProgress;
import org.eclipse.jface.wizard.ProgressMonitorPart;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.herald.extensions.Change;
import org.herald.extensions.Extension;
import org.herald.extensions.ExtensionException;
import org.herald.extensions.ExtensionService;
import org.herald.extensions.Repositories;

/**
 * Help &gt; Extensions: the installed extensions (name, version, vendor), a repository to add and
 * what it offers, install, uninstall, check for updates; each with progress and Cancel in the
 * dialog, on the headless {@link ExtensionService}. {@link #changed()} tells the caller to offer a
 * restart.
 */
public final class ExtensionsDialog extends TitleAreaDialog {

	/** Operations run with progress; the dialog runs them on a worker thread with its monitor. */
	interface Work {
		Change run(IProgressMonitor monitor) throws ExtensionException;
	}

	private final ExtensionService extensions;
	private Table installed;
	private Table available;
	private Text repository;
	private Button allowUnsigned;
	private ProgressMonitorPart progress;
	private final List<Control> actions = new ArrayList<>();
	private URI shownRepository;
	private boolean changed;

	public ExtensionsDialog(Shell parent, ExtensionService extensions) {
		super(parent);
		this.extensions = extensions;
		setShellStyle(getShellStyle() | SWT.RESIZE);
	}

	@Override
	protected void configureShell(Shell shell) {
		super.configureShell(shell);
		shell.setText("Extensions");
		shell.setSize(820, 640);
	}

	@Override
	protected Control createDialogArea(Composite parent) {
		Composite area = (Composite) super.createDialogArea(parent);
		setTitle("Extensions");
		setMessage(extensions.locked() ? "The administrator turned installing extensions off for this installation."
				: "Extensions of this installation; changes take effect when Herald restarts.");
		Composite c = new Composite(area, SWT.NONE);
		c.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		c.setLayout(new GridLayout(4, false));

		label(c, "Installed");
		installed = table(c, "Name", 260, "Version", 170, "Vendor", 160, "Id", 180);
		Button uninstall = button(c, "&Uninstall", this::uninstall);
		Button update = button(c, "Check for &updates", this::update);
		new Label(c, SWT.NONE).setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));

		label(c, "Repository (folder, .zip, file:, http: or https: URL)");
		repository = new Text(c, SWT.BORDER);
		repository.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1));
		repository.setMessage("https://example.org/herald-extensions/");
		Button add = button(c, "&Add repository", this::showRepository);
		available = table(c, "Name", 260, "Version", 170, "Vendor", 160, "Id", 180);
		Button install = button(c, "&Install", this::install);
		allowUnsigned = new Button(c, SWT.CHECK);
		allowUnsigned.setText("Allow unsigned content");
		allowUnsigned.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1));
		actions.addAll(List.of(uninstall, update, add, install, allowUnsigned, repository));
		if (extensions.locked()) {
			actions.forEach(a -> a.setEnabled(false));
		}

		progress = new ProgressMonitorPart(c, null, true);
		progress.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 4, 1));
		refreshInstalled();
		return area;
	}

	@Override
	protected void createButtonsForButtonBar(Composite parent) {
		createButton(parent, IDialogConstants.CLOSE_ID, IDialogConstants.CLOSE_LABEL, true);
	}

	@Override
	protected void buttonPressed(int buttonId) {
		if (buttonId == IDialogConstants.CLOSE_ID) {
			close();
		} else {
			super.buttonPressed(buttonId);
		}
	}

	/** Whether something was installed, updated or removed while the dialog was open. */
	public boolean changed() {
		return changed;
	}

	private void showRepository() {
		URI uri;
		try {
			uri = Repositories.parse(repository.getText());
		} catch (IllegalArgumentException e) {
			setErrorMessage(e.getMessage());
			return;
		}
		AtomicReference<List<Extension>> offered = new AtomicReference<>();
		if (run("Loading " + uri, m -> {
			extensions.addRepository(uri, m);
			offered.set(extensions.available(uri, m));
			return null;
		})) {
			shownRepository = uri;
			fill(available, offered.get());
			setErrorMessage(null);
			setMessage(offered.get().isEmpty() ? uri + " offers nothing to install" : uri + " offers " + offered.get().size() + " extension(s)");
		}
	}

	private void install() {
		List<String> units = selected(available);
		if (shownRepository == null || units.isEmpty()) {
			setErrorMessage("Add a repository and select what to install");
			return;
		}
		boolean unsigned = allowUnsigned.getSelection();
		URI uri = shownRepository;
		run("Installing " + String.join(", ", units), m -> extensions.install(uri, units, unsigned, m));
	}

	private void uninstall() {
		List<String> units = selected(installed);
		if (units.isEmpty()) {
			setErrorMessage("Select the extensions to uninstall");
			return;
		}
		run("Uninstalling " + String.join(", ", units), m -> extensions.uninstall(units, m));
	}

	private void update() {
		boolean unsigned = allowUnsigned.getSelection();
		run("Checking for updates", m -> extensions.update(List.of(), unsigned, m));
	}

	/** Runs work on a worker thread with the dialog's progress and Cancel; true when it succeeded. */
	private boolean run(String what, Work work) {
		AtomicReference<Change> change = new AtomicReference<>();
		actions.forEach(a -> a.setEnabled(false));
		progress.attachToCancelComponent(null);
		IRunnableWithProgress runnable = monitor -> {
			try {
				change.set(work.run(monitor));
			} catch (ExtensionException e) {
				throw new InvocationTargetException(e);
			}
		};
		try {
			org.eclipse.jface.operation.ModalContext.run(runnable, true, progress, getShell().getDisplay());
		} catch (InvocationTargetException e) {
			Throwable cause = e.getCause() == null ? e : e.getCause();
			setErrorMessage(cause.getMessage());
			return false;
		} catch (InterruptedException e) {
			setErrorMessage("Cancelled; nothing was changed");
			return false;
		} finally {
			if (!getShell().isDisposed()) {
				progress.removeFromCancelComponent(null);
				progress.done();
				actions.forEach(a -> a.setEnabled(!extensions.locked()));
			}
		}
		setErrorMessage(null);
		Change c = change.get();
		if (c != null) {
			setMessage(c.message());
			changed |= c.changed();
			refreshInstalled();
			if (c.restartNeeded()) {
				setMessage(c.message() + ": Herald offers the restart when you close this dialog");
			}
		}
		return true;
	}

	private void refreshInstalled() {
		try {
			fill(installed, extensions.installed());
		} catch (ExtensionException e) {
			setErrorMessage(e.getMessage());
		}
	}

	private static void fill(Table table, List<Extension> list) {
		table.removeAll();
		for (Extension e : list) {
			TableItem item = new TableItem(table, SWT.NONE);
			item.setText(new String[] { e.name(), e.version(), e.vendor(), e.shortId() });
			item.setData(e.id());
		}
	}

	private static List<String> selected(Table table) {
		List<String> ids = new ArrayList<>();
		for (TableItem item : table.getSelection()) {
			ids.add((String) item.getData());
		}
		return ids;
	}

	private static void label(Composite c, String text) {
		Label l = new Label(c, SWT.NONE);
		l.setText(text);
		l.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 4, 1));
	}

	private static Table table(Composite c, Object... columns) {
		Table t = new Table(c, SWT.BORDER | SWT.FULL_SELECTION | SWT.MULTI);
		t.setHeaderVisible(true);
		GridData gd = new GridData(SWT.FILL, SWT.FILL, true, true, 4, 1);
		gd.heightHint = 110;
		t.setLayoutData(gd);
		for (int i = 0; i < columns.length; i += 2) {
			TableColumn col = new TableColumn(t, SWT.LEFT);
			col.setText((String) columns[i]);
			col.setWidth((Integer) columns[i + 1]);
		}
		return t;
	}

	private static Button button(Composite c, String text, Runnable action) {
		Button b = new Button(c, SWT.PUSH);
		b.setText(text);
		b.addListener(SWT.Selection, e -> action.run());
		return b;
	}

	private String error;

	@Override
	public void setErrorMessage(String message) {
		error = message;
		super.setErrorMessage(message);
	}

	/** For tests: the error the dialog shows, or null. */
	String error() {
		return error;
	}

	/** For tests: the dialog's tables and fields. */
	Table installedTable() {
		return installed;
	}

	Table availableTable() {
		return available;
	}

	Text repositoryField() {
		return repository;
	}

	Display display() {
		return getShell().getDisplay();
	}
}
