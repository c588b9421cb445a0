/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.network.ui.internal;

import java.net.Inet4Address;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;
import org.herald.browser.HostBrowser;
import org.herald.browser.ScanOptions;
import org.herald.browser.ScanSummary;
import org.herald.browser.Targets;

/**
 * Scan a range: node-status queries to every address of the ranges (one socket, many in flight),
 * each answer going into the network model as it comes. Runs off the UI thread; Cancel stops it.
 */
public final class ScanDialog extends Dialog {

	private final HostBrowser browser;
	private final java.util.concurrent.ExecutorService worker;
	private Text targets;
	private Spinner rate;
	private Spinner timeout;
	private ProgressBar progress;
	private Label status;
	private Future<?> running;
	private final String initial;
	/** Start and end of each scan on standard error for benchmarks, with {@code -Dherald.trace.ui=true}. */
	private final boolean trace = Boolean.getBoolean("herald.trace.ui");

	public ScanDialog(Shell parent, HostBrowser browser, java.util.concurrent.ExecutorService worker, String initial) {
		super(parent);
		this.browser = browser;
		this.worker = worker;
		this.initial = initial;
	}

	@Override
	protected void configureShell(Shell shell) {
		super.configureShell(shell);
		shell.setText("Scan a range");
	}

	@Override
	protected Control createDialogArea(Composite parent) {
		Composite area = (Composite) super.createDialogArea(parent);
		area.setLayout(new GridLayout(2, false));
		new Label(area, SWT.NONE).setText("&Ranges:");
		targets = new Text(area, SWT.BORDER);
		targets.setText(initial);
		targets.setMessage("198.51.100.0/24, 198.51.100.10-50, one address");
		GridData data = new GridData(SWT.FILL, SWT.CENTER, true, false);
		data.widthHint = 360;
		targets.setLayoutData(data);
		new Label(area, SWT.NONE).setText("Queries per &second (0: no limit):");
		rate = new Spinner(area, SWT.BORDER);
		rate.setValues(ScanOptions.defaults().rate(), 0, 1_000_000, 0, 100, 1000);
		new Label(area, SWT.NONE).setText("&Timeout per host (ms):");
		timeout = new Spinner(area, SWT.BORDER);
		timeout.setValues((int) ScanOptions.defaults().timeout().toMillis(), 50, 60_000, 0, 100, 1000);
		progress = new ProgressBar(area, SWT.SMOOTH);
		progress.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
		status = new Label(area, SWT.NONE);
		status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
		return area;
	}

	@Override
	protected void createButtonsForButtonBar(Composite parent) {
		createButton(parent, IDialogConstants.OK_ID, "&Scan", true);
		createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CLOSE_LABEL, false);
	}

	@Override
	protected void okPressed() {
		List<Inet4Address> addresses;
		try {
			addresses = Targets.parse(List.of(targets.getText().split("[,;\\s]+")));
		} catch (IllegalArgumentException e) {
			status.setText(e.getMessage());
			return;
		}
		ScanOptions options = ScanOptions.defaults().withRate(rate.getSelection()).withTimeout(Duration.ofMillis(timeout.getSelection()));
		progress.setMaximum(Math.max(1, addresses.size()));
		progress.setSelection(0);
		getButton(IDialogConstants.OK_ID).setEnabled(false);
		getButton(IDialogConstants.CANCEL_ID).setText("Cancel");
		status.setText("Scanning " + addresses.size() + " addresses...");
		trace("started " + addresses.size() + " addresses");
		AtomicInteger found = new AtomicInteger();
		var display = getShell().getDisplay();
		long started = System.nanoTime();
		running = worker.submit(() -> {
			try {
				ScanSummary summary = browser.scan(addresses, options, hit -> {
					int n = found.incrementAndGet();
					display.asyncExec(() -> {
						if (!progress.isDisposed()) {
							status.setText(n + " hosts answered so far");
						}
					});
				});
				display.asyncExec(() -> done(String.format("%d of %d addresses answered in %.1f s (%.0f hosts/s)", summary.answered(),
						summary.targets(), summary.elapsed().toMillis() / 1000.0, summary.hostsPerSecond())));
			} catch (InterruptedException e) {
				display.asyncExec(() -> done("Cancelled after " + found.get() + " hosts"));
			} catch (Exception e) {
				display.asyncExec(() -> done("Scan failed: " + e.getMessage()));
			}
		});
		// the scan has no per-address progress callback: show elapsed time against the expected duration
		Runnable tick = new Runnable() {
			@Override
			public void run() {
				if (progress.isDisposed() || running == null || running.isDone()) {
					return;
				}
				double seconds = (System.nanoTime() - started) / 1e9;
				double sending = options.rate() == 0 ? addresses.size() / 20_000.0 : addresses.size() / (double) options.rate();
				double expected = sending + options.timeout().toMillis() / 1000.0;
				progress.setSelection((int) Math.min(progress.getMaximum() - 1, addresses.size() * seconds / expected));
				display.timerExec(100, this);
			}
		};
		display.timerExec(100, tick);
	}

	private void done(String message) {
		if (progress.isDisposed()) {
			return;
		}
		progress.setSelection(progress.getMaximum());
		status.setText(message);
		trace("done: " + message);
		getButton(IDialogConstants.OK_ID).setEnabled(true);
		getButton(IDialogConstants.CANCEL_ID).setText(IDialogConstants.CLOSE_LABEL);
		running = null;
	}

	@Override
	protected void cancelPressed() {
		if (running != null) {
			running.cancel(true);
			return;
		}
		super.cancelPressed();
	}

	private void trace(String line) {
		if (trace) {
			System.err.println("scan: epoch=" + System.currentTimeMillis() + " " + line);
			System.err.flush();
		}
	}

	/** For tests. */
	Text targetsField() {
		return targets;
	}

	Label statusLabel() {
		return status;
	}
}
