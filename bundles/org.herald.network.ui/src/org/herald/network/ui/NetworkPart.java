/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.network.ui;

import java.io.IOException;
import java.net.Inet4Address;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeColumn;
import org.eclipse.swt.widgets.TreeItem;
import org.herald.api.BindInterface;
import org.herald.api.Identity;
import org.herald.api.Settings;
import org.herald.browser.BrowseEvent;
import org.herald.browser.BrowserSettings;
import org.herald.browser.Host;
import org.herald.browser.HostBrowser;
import org.herald.browser.HostBrowsers;
import org.herald.browser.SiteRound;
import org.herald.browser.Subnets;
import org.herald.browser.Workgroup;
import org.herald.netbios.NameService;
import org.herald.netbios.NodeStatus;
import org.herald.network.ui.internal.HostText;
import org.herald.network.ui.internal.ScanDialog;
import org.herald.ui.ComposeRequest;
import org.herald.ui.EmptyState;
import org.herald.ui.HeraldEvents;
import org.herald.ui.RecipientSuggestions;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.EventHandler;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * The network browser: workgroups and their hosts, built live from browse announcements, the
 * master browsers' server lists and node-status scans. Filter, refresh, scan a range; for a host:
 * send a message, its node status, an exposure check. Its names are offered to the composer.
 */
public class NetworkPart {

	private static final System.Logger LOG = System.getLogger(NetworkPart.class.getName());

	/** The tree's columns. */
	static final int NAME = 0, USER = 1, ADDRESSES = 2, SUBNET = 3, STATUS = 4, LAST_SEEN = 5, REPORTED_BY = 6, COMMENT = 7;

	/** The tree is rebuilt at most this often while the model changes (ms). */
	static final int REFRESH_MS = 300;

	@Inject
	@org.eclipse.e4.core.di.annotations.Optional
	@Service
	private HostBrowsers browsers;

	@Inject
	@org.eclipse.e4.core.di.annotations.Optional
	@Service
	private NameService names;

	@Inject
	@Service
	private Settings settings;

	@Inject
	private IEventBroker events;

	private final ExecutorService worker = Executors.newCachedThreadPool(r -> {
		Thread t = new Thread(r, "herald-network-view");
		t.setDaemon(true);
		return t;
	});
	private final AtomicBoolean refreshQueued = new AtomicBoolean();
	private final Consumer<BrowseEvent> modelListener = e -> queueRefresh();

	private final EventHandler settingsHandler = e -> {
		if (e.getProperty(IEventBroker.DATA) instanceof Identity changed && !this.display.isDisposed()) {
			this.display.asyncExec(() -> settingsChanged(changed));
		}
	};
	private Composite parent;
	private Display display;
	private Identity identity;
	private HostBrowser browser;
	private Text filter;
	private Tree tree;
	private Label status;
	private ServiceRegistration<RecipientSuggestions> suggestions;

	@PostConstruct
	public void create(Composite parent) {
		this.parent = parent;
		display = parent.getDisplay();
		parent.setLayout(new GridLayout(1, false));
		events.subscribe(HeraldEvents.SETTINGS_CHANGED, settingsHandler);
		build(settings.identity());
	}

	/** Builds the view for {@code id}: its own browser on its interfaces, or an empty state saying what is missing. */
	private void build(Identity id) {
		identity = id;
		if (browsers == null) {
			empty(parent, "No hosts known", "This installation has no host browser.");
			return;
		}
		if (id.interfaces().isEmpty()) {
			empty(parent, "No hosts known", "Herald looks at the network only on the interfaces you give it: set them in File > Preferences.");
			return;
		}
		HostBrowser opened = browsers.open(id, BrowserSettings.defaults());
		browser = opened;
		createControls(parent);
		opened.model().addListener(modelListener);
		if (suggestions == null) {
			suggestions = FrameworkUtil.getBundle(getClass()).getBundleContext().registerService(RecipientSuggestions.class, this::suggest, null);
		}
		worker.execute(() -> {
			try {
				opened.start();
				status("Listening for announcements on " + interfaces(id) + "; asking " + id.workgroup() + " to announce");
				opened.requestAnnouncements(id.workgroup());
			} catch (IOException e) {
				status("Not listening for announcements: " + e.getMessage());
			}
			if (id.wins().isPresent() && browser == opened) {
				status(browseSite());
			}
		});
		refresh();
	}

	/**
	 * Preferences or the first-run setup saved other settings: the view starts over on them (a new
	 * browser on the new interfaces), with no restart.
	 */
	void settingsChanged(Identity changed) {
		if (parent == null || parent.isDisposed() || changed.equals(identity)) {
			return;
		}
		closeBrowser();
		for (Control c : parent.getChildren()) {
			c.dispose();
		}
		tree = null;
		filter = null;
		status = null;
		shown = List.of();
		build(changed);
		parent.layout(true, true);
	}

	private void closeBrowser() {
		if (browser != null) {
			browser.model().removeListener(modelListener);
			browser.close();
			browser = null;
		}
	}

	private void empty(Composite parent, String title, String text) {
		new EmptyState(parent, title, text).setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
	}

	private static String interfaces(Identity id) {
		return String.join(", ", id.interfaces().stream().map(BindInterface::toString).toList());
	}

	private void createControls(Composite parent) {
		Composite bar = new Composite(parent, SWT.NONE);
		bar.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		GridLayout barLayout = new GridLayout(3, false);
		barLayout.marginWidth = 0;
		barLayout.marginHeight = 0;
		bar.setLayout(barLayout);
		filter = new Text(bar, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL);
		filter.setMessage("Filter hosts (name, user, address, comment)");
		filter.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		filter.addModifyListener(e -> refresh());
		button(bar, "&Refresh", this::refreshNetwork);
		button(bar, "Sca&n range...", this::scanRange);
		tree = new Tree(parent, SWT.VIRTUAL | SWT.BORDER | SWT.FULL_SELECTION | SWT.MULTI);
		tree.addListener(SWT.SetData, e -> fill((TreeItem) e.item, e.index));
		tree.setHeaderVisible(true);
		tree.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		String[] names = { "Name", "User", "Addresses", "Subnet", "Status", "Last seen", "Reported by", "Comment" };
		int[] widths = { 190, 80, 110, 205, 100, 75, 230, 140 };
		for (int i = 0; i < names.length; i++) {
			TreeColumn c = new TreeColumn(tree, SWT.LEFT);
			c.setText(names[i]);
			c.setWidth(widths[i]);
		}
		tree.addListener(SWT.DefaultSelection, e -> sendMessage());
		tree.addListener(SWT.MouseHover, e -> {
			TreeItem item = tree.getItem(new org.eclipse.swt.graphics.Point(e.x, e.y));
			tree.setToolTipText(item == null ? null : tooltip(item));
		});
		Composite actions = new Composite(parent, SWT.NONE);
		GridLayout actionsLayout = new GridLayout(3, false);
		actionsLayout.marginWidth = 0;
		actions.setLayout(actionsLayout);
		button(actions, "Send &message", this::sendMessage);
		button(actions, "Node s&tatus", this::nodeStatus);
		button(actions, "Check &exposure", this::checkExposure);
		status = new Label(parent, SWT.NONE);
		status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
	}

	private static void button(Composite parent, String text, Runnable action) {
		Button b = new Button(parent, SWT.PUSH);
		b.setText(text);
		b.addListener(SWT.Selection, e -> action.run());
	}

	private void queueRefresh() {
		if (refreshQueued.compareAndSet(false, true)) {
			display.asyncExec(() -> display.timerExec(REFRESH_MS, () -> {
				refreshQueued.set(false);
				refresh();
			}));
		}
	}

	/** A workgroup as the tree shows it: its hosts that pass the filter. */
	private record Group(String name, Optional<Workgroup> workgroup, int total, List<Host> hosts) {
	}

	/** What the tree shows now; its items are filled from here on demand (a VIRTUAL tree). */
	private List<Group> shown = List.of();

	/**
	 * Takes a new snapshot of the model and lets the tree fill what is visible: thousands of scanned
	 * hosts cost the UI thread only the rows on screen. Expanded workgroups stay expanded.
	 */
	void refresh() {
		if (tree == null || tree.isDisposed()) {
			return;
		}
		Set<String> collapsed = new HashSet<>();
		for (int i = 0; i < shown.size() && i < tree.getItemCount(); i++) {
			if (!tree.getItem(i).getExpanded()) {
				collapsed.add(shown.get(i).name());
			}
		}
		String f = filter.getText();
		List<Group> groups = new ArrayList<>();
		Set<String> listed = new LinkedHashSet<>();
		for (Workgroup w : browser.model().workgroups()) {
			listed.add(w.name());
			group(groups, w.name(), Optional.of(w), browser.model().hosts(w.name()), f);
		}
		List<Host> loose = browser.model().hosts().stream().filter(h -> h.workgroup().isEmpty() || !listed.contains(h.workgroup().get()))
				.toList();
		if (!loose.isEmpty()) {
			group(groups, "(no workgroup)", Optional.empty(), loose, f);
		}
		tree.setRedraw(false);
		try {
			shown = groups;
			tree.setItemCount(groups.size());
			tree.clearAll(true);
			for (int i = 0; i < groups.size(); i++) {
				TreeItem item = tree.getItem(i);
				item.setItemCount(groups.get(i).hosts().size());
				item.setExpanded(!collapsed.contains(groups.get(i).name()));
			}
		} finally {
			tree.setRedraw(true);
		}
	}

	private static void group(List<Group> groups, String name, Optional<Workgroup> w, List<Host> hosts, String f) {
		List<Host> matching = hosts.stream().filter(h -> HostText.matches(h, f)).toList();
		if (!matching.isEmpty() || f.isBlank()) {
			groups.add(new Group(name, w, hosts.size(), matching));
		}
	}

	/** SWT asks for a row as it comes into view. */
	private void fill(TreeItem item, int index) {
		Instant now = Instant.now();
		TreeItem parent = item.getParentItem();
		if (parent == null) {
			if (index >= shown.size()) {
				return;
			}
			Group g = shown.get(index);
			item.setText(NAME, g.workgroup().map(x -> HostText.workgroup(x, g.total())).orElse(g.name() + " (" + g.total() + ")"));
			g.workgroup().ifPresent(x -> {
				x.masterAddress().ifPresent(a -> {
					item.setText(ADDRESSES, a.getHostAddress());
					item.setText(SUBNET, Subnets.of(identity, a));
				});
				item.setText(LAST_SEEN, HostText.ago(x.lastSeen(), now));
				item.setText(REPORTED_BY, x.seenBy().keySet().stream().map(k -> k.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '))
						.sorted().collect(java.util.stream.Collectors.joining(", ")));
			});
			item.setData("workgroup", g.name());
			item.setItemCount(g.hosts().size());
			return;
		}
		int groupIndex = tree.indexOf(parent);
		if (groupIndex < 0 || groupIndex >= shown.size() || index >= shown.get(groupIndex).hosts().size()) {
			return;
		}
		Host h = shown.get(groupIndex).hosts().get(index);
		item.setText(new String[] { h.name(), h.user().orElse(""), HostText.addresses(h), HostText.subnets(identity, h), HostText.status(h),
				HostText.ago(h.lastSeen(), now), HostText.reporters(browser.model(), h), h.comment() });
		item.setData(h);
		item.setForeground(h.stale() ? display.getSystemColor(SWT.COLOR_DARK_GRAY) : null);
	}

	/** A host row's tooltip: its addresses with their subnets and who reported it when; a workgroup's master. */
	String tooltip(TreeItem item) {
		if (item.getData() instanceof Host h) {
			return HostText.details(identity, browser.model(), h, Instant.now());
		}
		Object wg = item.getData("workgroup");
		return wg == null ? null : browser.model().workgroup(wg.toString()).map(w -> w.name() + w.masterBrowser().map(m -> ": master " + m
				+ w.masterAddress().map(a -> " at " + a.getHostAddress() + " on " + Subnets.of(identity, a)).orElse("")).orElse(""))
				.orElse(null);
	}

	private List<Host> selectedHosts() {
		List<Host> hosts = new ArrayList<>();
		for (TreeItem item : tree.getSelection()) {
			if (item.getData() instanceof Host h) {
				hosts.add(h);
			}
		}
		return hosts;
	}

	private void refreshNetwork() {
		status("Asking the workgroups to announce and their master browsers for their lists...");
		worker.execute(() -> {
			Set<String> groups = new LinkedHashSet<>();
			groups.add(identity.workgroup());
			browser.model().workgroups().forEach(w -> groups.add(w.name()));
			List<String> done = new ArrayList<>();
			for (String wg : groups) {
				try {
					browser.requestAnnouncements(wg);
					var result = browser.refreshServerLists(wg);
					done.add(wg + ": " + result);
				} catch (IOException e) {
					done.add(wg + ": " + e.getMessage());
				}
			}
			if (identity.wins().isPresent()) {
				done.add(0, browseSite());
			}
			status(String.join("; ", done));
		});
	}

	/**
	 * With a WINS server, every workgroup of the routed site, as {@code herald browse --site} finds
	 * them (on the worker); returns what to say in the status line.
	 */
	private String browseSite() {
		List<String> asked = new ArrayList<>();
		asked.add(identity.workgroup());
		browser.model().workgroups().forEach(w -> asked.add(w.name()));
		try {
			SiteRound r = browser.browseSite(asked.stream().distinct().toList());
			String problems = r.problems().isEmpty() ? "" : " (" + String.join("; ", r.problems()) + ")";
			List<Workgroup> workgroups = browser.model().workgroups();
			String text = "Site through WINS " + identity.wins().get().getHostAddress() + ": " + workgroups.size() + " workgroups, "
					+ browser.model().hosts().size() + " hosts, " + r.masters().size() + " master browsers asked in " + r.took().toMillis() + " ms"
					+ problems;
			LOG.log(System.Logger.Level.INFO, "network: " + text + "; workgroups " + String.join(", ", workgroups.stream().map(Workgroup::name).toList()));
			return text;
		} catch (IOException e) {
			LOG.log(System.Logger.Level.WARNING, "network: site browse through WINS failed: " + e.getMessage());
			return "Site browse through WINS failed: " + e.getMessage();
		}
	}

	private void scanRange() {
		String initial = identity.interfaces().isEmpty() ? "" : subnetOf(identity.interfaces().get(0));
		new ScanDialog(tree.getShell(), browser, worker, initial).open();
	}

	static String subnetOf(BindInterface i) {
		int prefix = Math.max(i.prefixLength(), 24); // suggest at most a /24; the user widens it
		return new BindInterface(i.address(), prefix).broadcast().getHostAddress().replaceAll("\\.\\d+$", ".0") + "/" + prefix;
	}

	private void sendMessage() {
		List<Host> hosts = selectedHosts();
		if (!hosts.isEmpty()) {
			events.post(HeraldEvents.COMPOSE, new ComposeRequest(String.join(", ", hosts.stream().map(Host::name).toList()), ""));
		}
	}

	private void nodeStatus() {
		List<Host> hosts = selectedHosts();
		if (hosts.isEmpty() || hosts.get(0).addresses().isEmpty() || names == null) {
			return;
		}
		Host host = hosts.get(0);
		Inet4Address address = host.addresses().get(0);
		status("Asking " + address.getHostAddress() + " for its names...");
		worker.execute(() -> {
			String text;
			try {
				Optional<NodeStatus> node = names.as(identity).nodeStatus(address);
				text = node.map(NodeStatus::toString).orElse(address.getHostAddress() + " did not answer");
			} catch (IOException e) {
				text = e.getMessage();
			}
			String shown = text;
			display.asyncExec(() -> {
				if (!tree.isDisposed()) {
					status("");
					MessageDialog.openInformation(tree.getShell(), "Node status of " + host.name(), shown);
				}
			});
		});
	}

	private void checkExposure() {
		List<Inet4Address> addresses = selectedHosts().stream().flatMap(h -> h.addresses().stream()).distinct().toList();
		if (!addresses.isEmpty()) {
			events.post(NetworkEvents.CHECK_EXPOSURE, addresses);
		}
	}

	/** The composer's suggestions: host names, users and workgroups. */
	private List<String> suggest() {
		Set<String> out = new LinkedHashSet<>();
		if (browser != null) {
			for (Host h : browser.model().hosts()) {
				out.add(h.name());
				h.user().ifPresent(out::add);
			}
			for (Workgroup w : browser.model().workgroups()) {
				out.add("/DOMAIN:" + w.name());
			}
		}
		return List.copyOf(out);
	}

	private void status(String text) {
		display.asyncExec(() -> {
			if (status != null && !status.isDisposed()) {
				status.setText(text);
			}
		});
	}

	/** For tests. */
	Tree tree() {
		return tree;
	}

	Text filterField() {
		return filter;
	}

	HostBrowser browser() {
		return browser;
	}

	/** Network > Scan range in the menu and the toolbar: this part asks for the range, in front. */
	@Inject
	@org.eclipse.e4.core.di.annotations.Optional
	void scanRequested(@UIEventTopic(HeraldEvents.SCAN) Object any, MPart self,
			EPartService parts) {
		if (browser != null && tree != null && !tree.isDisposed()) {
			parts.activate(self);
			scanRange();
		}
	}

	/** Network > Refresh in the menu and the toolbar (F5). */
	@Inject
	@org.eclipse.e4.core.di.annotations.Optional
	void refreshRequested(@UIEventTopic(HeraldEvents.REFRESH) Object any) {
		if (browser != null && tree != null && !tree.isDisposed()) {
			refreshNetwork();
		}
	}

	@PreDestroy
	public void dispose() {
		events.unsubscribe(settingsHandler);
		if (suggestions != null) {
			suggestions.unregister();
		}
		closeBrowser();
		worker.shutdownNow();
	}
}
