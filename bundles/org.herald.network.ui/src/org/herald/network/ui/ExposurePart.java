/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.network.ui;

import java.io.IOException;
import java.net.Inet4Address;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.herald.api.Identity;
import org.herald.api.NetbiosName;
import org.herald.api.Settings;
import org.herald.browser.Targets;
import org.herald.browser.exposure.ExposureChecker;
import org.herald.browser.exposure.ExposureService;
import org.herald.browser.exposure.ExposureReport;
import org.herald.browser.exposure.HostExposure;
import org.herald.browser.exposure.LocalAudit;
import org.herald.browser.exposure.LocalSocket;
import org.herald.browser.exposure.Port;
import org.herald.browser.exposure.Remedy;
import org.herald.browser.exposure.Risk;
import org.herald.ui.EmptyState;
import org.herald.ui.HeraldEvents;
import org.herald.ui.Workers;
import org.osgi.service.event.EventHandler;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * The firewall-exposure checker: which hosts answer on 135/137/138/139/445, coloured by risk, with
 * the reason and the remedy; the local machine's own sockets on those ports; export as CSV, JSON or
 * HTML. Checks run off the UI thread and can be cancelled.
 */
public class ExposurePart {

	@Inject
	@Service
	private Settings settings;

	@Inject
	@Service
	private ExposureService exposure;

	@Inject
	private IEventBroker events;

	private final ExecutorService worker = Workers.single("herald-exposure");
	private final EventHandler checkHandler = e -> {
		if (e.getProperty(IEventBroker.DATA) instanceof List<?> list) {
			List<Inet4Address> addresses = list.stream().filter(Inet4Address.class::isInstance).map(Inet4Address.class::cast).toList();
			ui(() -> checkNow(addresses));
		}
	};

	private final EventHandler settingsHandler = e -> {
		if (e.getProperty(IEventBroker.DATA) instanceof Identity changed && !this.display.isDisposed()) {
			this.display.asyncExec(() -> settingsChanged(changed));
		}
	};
	private Composite parent;
	private Display display;
	private Identity identity;
	private Text targets;
	private Table results;
	private Text details;
	private Label status;
	private Button checkButton;
	private Future<?> running;
	private List<HostExposure> hosts = List.of();
	private List<LocalSocket> local = List.of();

	@PostConstruct
	public void create(Composite parent) {
		this.parent = parent;
		display = parent.getDisplay();
		parent.setLayout(new GridLayout(1, false));
		events.subscribe(HeraldEvents.SETTINGS_CHANGED, settingsHandler);
		build(settings.identity());
	}

	/**
	 * Preferences or the first-run setup saved other settings: the checker starts over from the new
	 * interfaces (a check in progress is cancelled), with no restart.
	 */
	void settingsChanged(Identity changed) {
		if (parent == null || parent.isDisposed() || changed.equals(identity)) {
			return;
		}
		if (running != null) {
			running.cancel(true);
			running = null;
		}
		if (results != null) {
			events.unsubscribe(checkHandler);
		}
		for (Control c : parent.getChildren()) {
			c.dispose();
		}
		targets = null;
		results = null;
		details = null;
		status = null;
		checkButton = null;
		hosts = List.of();
		local = List.of();
		build(changed);
		parent.layout(true, true);
	}

	private void build(Identity id) {
		identity = id;
		if (identity.interfaces().isEmpty()) {
			new EmptyState(parent, "No exposure checked", "Herald probes only from the interfaces you give it: set them in File > Preferences.")
					.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
			return;
		}
		Composite bar = new Composite(parent, SWT.NONE);
		bar.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		GridLayout barLayout = new GridLayout(4, false);
		barLayout.marginWidth = 0;
		bar.setLayout(barLayout);
		targets = new Text(bar, SWT.BORDER);
		targets.setMessage("hosts or ranges: 198.51.100.7, 198.51.100.0/24");
		targets.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		targets.addListener(SWT.DefaultSelection, e -> check());
		checkButton = button(bar, "&Check", this::check);
		button(bar, "&Local audit", this::localAudit);
		button(bar, "E&xport...", this::export);
		SashForm sash = new SashForm(parent, SWT.VERTICAL);
		sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		results = new Table(sash, SWT.BORDER | SWT.FULL_SELECTION);
		results.setHeaderVisible(true);
		results.setLinesVisible(true);
		String[] names = { "Host", "Risk", "135", "137", "138", "139", "445", "Names" };
		int[] widths = { 120, 70, 55, 55, 55, 55, 55, 220 };
		for (int i = 0; i < names.length; i++) {
			TableColumn c = new TableColumn(results, SWT.LEFT);
			c.setText(names[i]);
			c.setWidth(widths[i]);
		}
		results.addListener(SWT.Selection, e -> showDetails());
		details = new Text(sash, SWT.MULTI | SWT.READ_ONLY | SWT.WRAP | SWT.V_SCROLL | SWT.BORDER);
		sash.setWeights(55, 45);
		status = new Label(parent, SWT.NONE);
		status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		events.subscribe(NetworkEvents.CHECK_EXPOSURE, checkHandler);
	}

	private static Button button(Composite parent, String text, Runnable action) {
		Button b = new Button(parent, SWT.PUSH);
		b.setText(text);
		b.addListener(SWT.Selection, e -> action.run());
		return b;
	}

	/** Checks these hosts, as the network part's "Check exposure" asks. */
	void checkNow(List<Inet4Address> addresses) {
		targets.setText(String.join(", ", addresses.stream().map(Inet4Address::getHostAddress).toList()));
		check();
	}

	void check() {
		if (running != null) {
			running.cancel(true);
			return;
		}
		List<Inet4Address> addresses;
		try {
			addresses = Targets.parse(List.of(targets.getText().split("[,;\\s]+")));
		} catch (IllegalArgumentException e) {
			status.setText(e.getMessage());
			return;
		}
		status.setText("Checking " + addresses.size() + " host(s) from " + identity.interfaces().stream().map(i -> i.address().getHostAddress()).toList()
				+ "...");
		checkButton.setText("&Cancel");
		Identity from = identity;
		running = worker.submit(() -> {
			try {
				List<HostExposure> found = exposure.check(from, addresses, false, ExposureChecker.Options.defaults()).hosts();
				ui(from, () -> {
					hosts = found;
					show();
					finish(found.size() + " host(s) checked");
				});
			} catch (InterruptedException e) {
				ui(from, () -> finish("Cancelled"));
			} catch (IOException | RuntimeException e) {
				ui(from, () -> finish("Check failed: " + e.getMessage()));
			}
		});
	}

	private void finish(String message) {
		running = null;
		checkButton.setText("&Check");
		status.setText(message);
	}

	private void localAudit() {
		worker.execute(() -> {
			try {
				List<LocalSocket> sockets = LocalAudit.system().sockets();
				ui(() -> {
					local = sockets;
					StringBuilder b = new StringBuilder("This machine's sockets on 135/137/138/139/445:\n\n");
					for (LocalSocket s : sockets) {
						b.append(String.format("%s %s:%d  %s%s  reachable from %s%s%n", s.protocol(), s.address(), s.port(),
								s.process().orElse("?"), s.herald() ? " (Herald)" : "", s.reach(), s.warning().map(w -> "  WARNING: " + w).orElse("")));
					}
					if (sockets.isEmpty()) {
						b.append("none: nothing on this machine listens on those ports.");
					}
					details.setText(b.toString());
					status.setText(sockets.size() + " local socket(s) on the Messenger ports");
				});
			} catch (IOException e) {
				ui(() -> status.setText("Local audit failed: " + e.getMessage()));
			}
		});
	}

	private void show() {
		results.removeAll();
		for (HostExposure h : hosts) {
			TableItem item = new TableItem(results, SWT.NONE);
			List<String> cells = new ArrayList<>();
			cells.add(h.address().getHostAddress());
			cells.add(h.risk().name().toLowerCase(Locale.ROOT));
			for (Port p : Port.values()) {
				cells.add(h.state(p).name().toLowerCase(Locale.ROOT).replace('_', ' '));
			}
			cells.add(String.join(" ", h.names()));
			item.setText(cells.toArray(String[]::new));
			item.setBackground(riskColor(h.risk()));
			item.setData(h);
		}
	}

	Color riskColor(Risk risk) {
		return switch (risk) {
		case HIGH -> new Color(255, 205, 205);
		case MEDIUM -> new Color(255, 232, 190);
		case LOW -> new Color(255, 250, 205);
		case NONE -> new Color(215, 240, 215);
		};
	}

	private void showDetails() {
		if (results.getSelectionCount() != 1 || !(results.getSelection()[0].getData() instanceof HostExposure h)) {
			return;
		}
		StringBuilder b = new StringBuilder();
		b.append(h.address().getHostAddress()).append(": risk ").append(h.risk()).append('\n').append(h.reason()).append("\n\n");
		h.ports().forEach(f -> b.append(String.format("%-4d/%s  %-10s %s%n", f.port().number(), f.port().protocol(), f.state(), f.evidence())));
		if (!h.names().isEmpty()) {
			b.append("\nNames: ").append(String.join(" ", h.names())).append('\n');
		}
		h.mac().ifPresent(m -> b.append("MAC: ").append(m).append('\n'));
		if (!h.remedies().isEmpty()) {
			b.append("\nWhat to do:\n");
			for (Remedy r : h.remedies()) {
				b.append("- ").append(r.port() == null ? "" : r.port().number() + "/" + r.port().protocol() + ": ").append(r.action()).append('\n');
				b.append("    iptables: ").append(r.iptables()).append('\n');
				b.append("    nftables: ").append(r.nftables()).append('\n');
				b.append("    Windows:  ").append(r.netsh()).append('\n');
			}
		}
		details.setText(b.toString());
	}

	private void export() {
		FileDialog dialog = new FileDialog(results.getShell(), SWT.SAVE);
		dialog.setFilterExtensions(new String[] { "*.html", "*.csv", "*.json" });
		dialog.setFilterNames(new String[] { "HTML report", "CSV", "JSON" });
		dialog.setFileName("herald-exposure.html");
		dialog.setOverwrite(true);
		String file = dialog.open();
		if (file != null) {
			try {
				Path path = export(Path.of(file));
				status.setText("Exported to " + path);
			} catch (IOException e) {
				status.setText("Export failed: " + e.getMessage());
			}
		}
	}

	/** Writes the report in the format the file name's ending asks for (.csv, .json, else HTML). */
	Path export(Path file) throws IOException {
		ExposureReport report = new ExposureReport(Instant.now(), identity.name(), hosts, local);
		String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
		String text = name.endsWith(".csv") ? report.csv() : name.endsWith(".json") ? report.json() : report.html();
		return Files.writeString(file, text, StandardCharsets.UTF_8);
	}

	/** Runs {@code r} on the UI thread if the view still stands on the settings {@code from} (a check's result). */
	private void ui(Identity from, Runnable r) {
		ui(() -> {
			if (identity == from) {
				r.run();
			}
		});
	}

	private void ui(Runnable r) {
		if (!display.isDisposed()) {
			display.asyncExec(() -> {
				if (results != null && !results.isDisposed()) {
					r.run();
				}
			});
		}
	}

	/** For tests. */
	Table results() {
		return results;
	}

	Text targetsField() {
		return targets;
	}

	Text details() {
		return details;
	}

	Label statusLabel() {
		return status;
	}

	/** Network > Check exposure in the menu and the toolbar: this part checks its targets, in front. */
	@Inject
	@org.eclipse.e4.core.di.annotations.Optional
	void checkRequested(@UIEventTopic(HeraldEvents.CHECK_EXPOSURE) Object any,
			MPart self, EPartService parts) {
		if (targets != null && !targets.isDisposed()) {
			parts.activate(self);
			if (!targets.getText().isBlank()) {
				check();
			} else {
				targets.setFocus();
			}
		}
	}

	@PreDestroy
	public void dispose() {
		events.unsubscribe(settingsHandler);
		if (results != null) {
			events.unsubscribe(checkHandler);
		}
		worker.shutdownNow();
	}
}
