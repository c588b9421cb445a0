/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.alerter.internal;

import java.io.IOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.herald.alerter.Alert;
import org.herald.alerter.AlertRule;
import org.herald.alerter.AlertService;
import org.herald.api.Settings;
import org.herald.browser.BrowseEvent;
import org.herald.browser.BrowserSettings;
import org.herald.browser.HostBrowser;
import org.herald.browser.HostBrowsers;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * The Alerts part in Herald's network stack: the rules (add, remove, test), a switch that watches
 * the browse list for the rules, and the alerts recorded.
 */
public class AlertsPart {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

	@Inject
	@Service
	private AlertService alerter;

	@Inject
	@Optional
	@Service
	private HostBrowsers browsers;

	@Inject
	@Service
	private Settings settings;

	private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
		Thread t = new Thread(r, "herald-alerter");
		t.setDaemon(true);
		return t;
	});
	private final Consumer<BrowseEvent> listener = e -> worker.execute(() -> {
		if (!alerter.onBrowse(e).isEmpty()) {
			refreshLater();
		}
	});

	private Display display;
	private Table rules;
	private Table alerts;
	private Label status;
	private HostBrowser browser;

	@PostConstruct
	public void create(Composite parent) {
		display = parent.getDisplay();
		parent.setLayout(new GridLayout(1, false));
		new Label(parent, SWT.NONE).setText("Alert rules (pop-ups go to: " + admins() + ")");
		rules = table(parent, "Rule", 60, "When", 320);
		Composite row = new Composite(parent, SWT.NONE);
		row.setLayout(new GridLayout(6, false));
		Combo kind = new Combo(row, SWT.READ_ONLY);
		for (AlertRule.Kind k : AlertRule.Kind.values()) {
			kind.add(k.word());
		}
		kind.select(1);
		Text target = new Text(row, SWT.BORDER);
		target.setMessage("host name, * or address range");
		target.setLayoutData(new GridData(160, SWT.DEFAULT));
		button(row, "Add", () -> {
			try {
				alerter.add(AlertRule.Kind.of(kind.getText()), target.getText());
				target.setText("");
				status("");
			} catch (IllegalArgumentException e) {
				status(e.getMessage());
			}
		});
		button(row, "Remove", () -> selectedRule().ifPresent(alerter::remove));
		button(row, "Test", () -> selectedRule().ifPresent(id -> worker.execute(() -> {
			alerter.test(id);
			refreshLater();
		})));
		Button watch = new Button(row, SWT.CHECK);
		watch.setText("Watch the browse list");
		watch.addListener(SWT.Selection, e -> watch(watch.getSelection()));
		new Label(parent, SWT.NONE).setText("Alerts recorded");
		alerts = table(parent, "Time", 140, "Rule", 50, "Alert", 360, "Pop-up", 240);
		status = new Label(parent, SWT.WRAP);
		status.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
		refresh();
	}

	private String admins() {
		List<String> a = alerter.admins();
		return a.isEmpty() ? "nobody yet: File > Preferences > Alerter" : String.join(", ", a);
	}

	private java.util.Optional<String> selectedRule() {
		TableItem[] s = rules.getSelection();
		return s.length == 0 ? java.util.Optional.empty() : java.util.Optional.of(s[0].getText(0));
	}

	private void watch(boolean on) {
		if (!on) {
			closeBrowser();
			status("Not watching");
			return;
		}
		if (browsers == null || settings.identity().interfaces().isEmpty()) {
			status("Cannot watch: no host browser, or no interfaces configured (File > Preferences)");
			return;
		}
		browser = browsers.open(settings.identity(), BrowserSettings.defaults());
		browser.model().addListener(listener);
		HostBrowser b = browser;
		worker.execute(() -> {
			try {
				b.start();
				statusLater("Watching the browse list for the rules");
			} catch (IOException e) {
				statusLater("Cannot watch: " + e.getMessage());
			}
		});
	}

	private Table table(Composite parent, Object... columns) {
		Table t = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
		t.setHeaderVisible(true);
		t.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		for (int i = 0; i < columns.length; i += 2) {
			TableColumn c = new TableColumn(t, SWT.LEFT);
			c.setText((String) columns[i]);
			c.setWidth((Integer) columns[i + 1]);
		}
		return t;
	}

	private void button(Composite row, String text, Runnable action) {
		Button b = new Button(row, SWT.PUSH);
		b.setText(text);
		b.addListener(SWT.Selection, e -> {
			action.run();
			refresh();
		});
	}

	private void refresh() {
		if (rules == null || rules.isDisposed()) {
			return;
		}
		rules.removeAll();
		for (AlertRule r : alerter.rules()) {
			new TableItem(rules, SWT.NONE).setText(new String[] { r.id(), r.text() });
		}
		alerts.removeAll();
		List<Alert> list = alerter.alerts();
		for (int i = list.size() - 1; i >= 0; i--) {
			Alert a = list.get(i);
			new TableItem(alerts, SWT.NONE).setText(new String[] { TIME.format(a.time()), a.rule(), a.text(), a.delivery() });
		}
	}

	private void refreshLater() {
		if (!display.isDisposed()) {
			display.asyncExec(this::refresh);
		}
	}

	private void status(String text) {
		if (status != null && !status.isDisposed()) {
			status.setText(text);
			status.getParent().layout();
		}
	}

	private void statusLater(String text) {
		if (!display.isDisposed()) {
			display.asyncExec(() -> status(text));
		}
	}

	private void closeBrowser() {
		if (browser != null) {
			browser.model().removeListener(listener);
			browser.close();
			browser = null;
		}
	}

	@PreDestroy
	public void dispose() {
		closeBrowser();
		worker.shutdownNow();
	}
}
