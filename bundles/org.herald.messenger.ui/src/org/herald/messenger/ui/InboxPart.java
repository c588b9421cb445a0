/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.ui;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.osgi.service.datalocation.Location;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.herald.api.MessageFlag;
import org.herald.api.ReceivedMessage;
import org.herald.api.Settings;
import org.herald.api.StoredMessage;
import org.herald.inbox.Inbox;
import org.herald.inbox.InboxChange;
import org.herald.inbox.InboxListener;
import org.herald.inbox.InboxQuery;
import org.herald.inbox.InboxQuery.ReadFilter;
import org.herald.inbox.InboxService;
import org.herald.inbox.SenderPattern;
import org.herald.inbox.SpamCounters;
import org.herald.inbox.SpamRule;
import org.herald.messenger.ui.internal.WorkspaceInbox;
import org.herald.messenger.ui.internal.InboxKeyColumn;
import org.herald.messenger.ui.internal.InboxTable;
import org.herald.messenger.ui.internal.InboxWindow;
import org.herald.messenger.ui.internal.SenderKeys;
import org.herald.messenger.ui.internal.InboxTrace;
import org.herald.messenger.ui.internal.MessageText;
import org.herald.ui.ComposeRequest;
import org.herald.ui.EmptyState;
import org.herald.ui.HeraldEvents;
import org.herald.ui.Workers;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The inbox: a windowed table over the store that scrolls through all of it at any size (an
 * {@link InboxWindow} read in keyset pages off the UI thread, shown by an {@link InboxTable}), a search box
 * backed by the store's word index, the full text of the selected message, and what to do with it.
 */
public class InboxPart {

	/** Which part of the inbox the table shows. */
	enum View {
		INBOX("Inbox"), UNREAD("Unread"), QUARANTINED("Quarantined"), BLOCKED("Blocked");

		final String label;

		View(String label) {
			this.label = label;
		}

		InboxQuery query(String words) {
			InboxQuery q = InboxQuery.all().withWords(words.isBlank() ? null : words);
			return switch (this) {
			case INBOX -> q.withoutFlags(Set.of(MessageFlag.QUARANTINED, MessageFlag.BLOCKED));
			case UNREAD -> q.withoutFlags(Set.of(MessageFlag.QUARANTINED, MessageFlag.BLOCKED)).withRead(ReadFilter.UNREAD);
			case QUARANTINED -> q.withFlags(Set.of(MessageFlag.QUARANTINED));
			case BLOCKED -> q.withFlags(Set.of(MessageFlag.BLOCKED));
			};
		}

		/** Whether unread urgent messages are held on top (not among the quarantined and blocked: urgency changes only how a message is shown). */
		boolean urgentOnTop() {
			return this == INBOX || this == UNREAD;
		}
	}

	/** Milliseconds before a failed read of new messages is tried again. */
	private static final int RETRY_MS = 2_000;

	/** Milliseconds the search waits for the typing to pause. */
	private static final int SEARCH_PAUSE_MS = 250;

	@Inject
	@Optional
	@Service
	private InboxService inboxService;

	@Inject
	@Service
	private Settings settings;

	@Inject
	@Optional
	@Named("instanceLocation")
	private Location workspace;

	@Inject
	private IEventBroker events;

	private final ExecutorService worker = Workers.single("herald-inbox-view");
	/** Increases with every reload, so that an older, slower reload never overwrites a newer one. */
	private final AtomicInteger generation = new AtomicInteger();
	/** The store changed since the counters were last read. */
	private final AtomicBoolean countersStale = new AtomicBoolean();
	private final InboxListener listener = this::changed;
	/** Timing lines for benchmarks, off unless -Dherald.trace.inbox=true. */
	private final InboxTrace trace = InboxTrace.fromSystemProperty();

	private Display display;
	/** Set by the worker once the store is open; every read and write of it runs on the worker after that. */
	private volatile Inbox inbox;
	private Text search;
	private Combo view;
	private Label counters;
	private InboxTable rowsView;
	private Table table;
	/** The current window's count was traced ("table has N rows", for the benchmark). */
	private boolean countTraced;
	private final AtomicBoolean refreshPending = new AtomicBoolean();
	/** A failed read of new messages is to be tried again (UI thread). */
	private boolean arrivalsRetry;
	/**
	 * The window opened last (worker thread): a change queued after a reload reaches the window that
	 * reload opened, even before the UI shows it.
	 */
	private volatile InboxWindow latest;
	private InboxKeyColumn keyColumn;
	private Text details;
	private Font bold;
	private final List<Button> selectionButtons = new ArrayList<>();
	/** The counters last read from the store (UI thread). */
	private SpamCounters spamCounters;
	private long unreadCount;

	@PostConstruct
	public void create(Composite parent) {
		trace.log("part created");
		display = parent.getDisplay();
		parent.setLayout(new GridLayout(1, false));
		createSearchBar(parent);
		SashForm sash = new SashForm(parent, SWT.VERTICAL);
		sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
		createTable(sash);
		details = new Text(sash, SWT.MULTI | SWT.READ_ONLY | SWT.WRAP | SWT.V_SCROLL | SWT.BORDER);
		sash.setWeights(70, 30);
		createActions(parent);
		FontData[] data = table.getFont().getFontData();
		for (FontData d : data) {
			d.setStyle(SWT.BOLD);
		}
		bold = new Font(display, data);
		counters.setText("Opening the inbox\u2026");
		// Opening the store takes seconds for a large inbox: on the worker, ahead of the first reload, so
		// that the window is drawn meanwhile.
		worker.execute(() -> open(parent));
		trace.log("part ready");
		reload();
	}

	/** Opens the workspace's inbox (worker thread); without one, the part says why instead of the table. */
	private void open(Composite parent) {
		try {
			Inbox opened = WorkspaceInbox.open(inboxService, workspace, settings.identity()).orElse(null);
			if (opened == null) {
				replace(parent, "No messages", "This installation has no inbox store, so Herald cannot keep messages.");
				return;
			}
			opened.addListener(listener);
			inbox = opened;
		} catch (IOException e) {
			replace(parent, "The inbox cannot be opened", e.getMessage());
		}
	}

	private void replace(Composite parent, String title, String why) {
		display.asyncExec(() -> {
			if (parent.isDisposed()) {
				return;
			}
			for (var child : parent.getChildren()) {
				child.dispose();
			}
			new EmptyState(parent, title, why).setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
			parent.layout(true, true);
		});
	}

	private void createSearchBar(Composite parent) {
		Composite bar = new Composite(parent, SWT.NONE);
		bar.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
		GridLayout layout = new GridLayout(3, false);
		layout.marginWidth = 0;
		layout.marginHeight = 0;
		bar.setLayout(layout);
		search = new Text(bar, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL);
		search.setMessage("Search messages (all words)");
		GridData searchData = new GridData(SWT.FILL, SWT.CENTER, true, false);
		searchData.minimumWidth = 200;
		search.setLayoutData(searchData);
		search.addModifyListener(e -> {
			int expected = generation.incrementAndGet();
			display.timerExec(SEARCH_PAUSE_MS, () -> {
				if (generation.get() == expected) {
					reload(false);
				}
			});
		});
		view = new Combo(bar, SWT.READ_ONLY);
		for (View v : View.values()) {
			view.add(v.label);
		}
		view.select(0);
		view.addListener(SWT.Selection, e -> reload(false));
		counters = new Label(bar, SWT.NONE);
		counters.setLayoutData(new GridData(SWT.END, SWT.CENTER, false, false));
	}

	private void createTable(Composite parent) {
		rowsView = new InboxTable(parent, this::show, trace);
		table = rowsView.table();
		String[] names = { "Sender", "Recipient", "Time", "Message", "Path", "Flags" };
		int[] widths = { 170, 100, 140, 360, 70, 90 };
		for (int i = 0; i < names.length; i++) {
			TableColumn column = new TableColumn(table, SWT.LEFT);
			column.setText(names[i]);
			column.setWidth(widths[i]);
		}
		keyColumn = new InboxKeyColumn(table, SenderKeys.of(WorkspaceInbox.directory(workspace)));
		rowsView.onSelection(e -> selectionChanged());
		table.addListener(SWT.DefaultSelection, e -> reply());
	}

	private void createActions(Composite parent) {
		Composite buttons = new Composite(parent, SWT.NONE);
		buttons.setLayout(new RowLayout(SWT.HORIZONTAL));
		button(buttons, "&Reply", this::reply);
		button(buttons, "&Forward", this::forward);
		button(buttons, "Mark &read", () -> markRead(true));
		button(buttons, "Mark &unread", () -> markRead(false));
		button(buttons, "&Delete", this::delete);
		button(buttons, "&Block sender", this::blockSender);
		selectionChanged();
	}

	private void button(Composite parent, String text, Runnable action) {
		Button b = new Button(parent, SWT.PUSH);
		b.setText(text);
		b.addListener(SWT.Selection, e -> action.run());
		selectionButtons.add(b);
	}

	/** Reloads the rows and the counters (the store changed), keeping the scroll position and the selection. */
	void reload() {
		reload(true);
	}

	/**
	 * Opens a new window on the rows of the current view and search off the UI thread: its first page (one
	 * keyset query, milliseconds at any size) shows at once, its count and the cursors of its pages follow
	 * (see {@link InboxWindow}). A new search or view starts at the top with nothing selected and keeps the
	 * counters, which only a change of the store can change; a change of the store keeps the position.
	 */
	private void reload(boolean storeChanged) {
		if (table == null || table.isDisposed()) {
			return;
		}
		if (storeChanged) {
			countersStale.set(true); // whichever reload runs to the end reads them
		}
		int expected = generation.incrementAndGet();
		View shown = View.values()[view.getSelectionIndex()];
		InboxQuery query = shown.query(search.getText());
		int fromRow = storeChanged ? rowsView.top() : 0;
		trace.log("reload %s", query);
		worker.execute(() -> {
			try {
				if (generation.get() != expected || inbox == null) {
					return;
				}
				InboxWindow rows = InboxWindow.open(inbox, query, shown.urgentOnTop(), worker, this::windowChanged, trace);
				latest = rows;
				ui(() -> {
					if (generation.get() != expected) {
						rows.close();
						return;
					}
					InboxWindow old = rowsView.window();
					if (old != null) {
						old.close();
					}
					rowsView.show(rows, fromRow, storeChanged);
					countTraced = false;
					showCounters();
				});
				if (generation.get() == expected && countersStale.getAndSet(false)) {
					readCounters();
				}
			} catch (IOException | IllegalArgumentException e) {
				ui(() -> counters.setText("Inbox: " + e.getMessage()));
			}
		});
	}

	private void readCounters() throws IOException {
		long t0 = System.nanoTime();
		SpamCounters spam = inbox.counters();
		long unread = inbox.count(View.UNREAD.query(""));
		trace.log("counters (unread %d) in %d ms", unread, (System.nanoTime() - t0) / 1_000_000);
		ui(() -> {
			spamCounters = spam;
			unreadCount = unread;
			showCounters();
		});
	}

	/**
	 * A window read something (worker thread): shows the window the table shows, once per turn of the UI
	 * loop however many reads. The refresh is of whichever window is shown when it runs, not of the one
	 * that read: a change of a window opened meanwhile would else be dropped with the older window's.
	 */
	private void windowChanged(InboxWindow rows) {
		if (refreshPending.compareAndSet(false, true)) {
			ui(() -> {
				refreshPending.set(false); // before reading the windows: a read ending now queues another refresh
				InboxWindow shown = rowsView.window();
				if (shown == null) {
					return;
				}
				rowsView.refresh();
				showCounters();
				if (shown.counted() && !countTraced) {
					countTraced = true;
					trace.log("table has %d rows", shown.size());
					if (trace.on()) { // where a benchmark clicks to scroll
						var slider = rowsView.slider();
						var b = display.map(slider.getParent(), null, slider.getBounds());
						trace.log("slider x=%d y=%d w=%d h=%d", b.x, b.y, b.width, b.height);
					}
				}
			});
		}
	}

	private void showCounters() {
		InboxWindow current = rowsView.window();
		String shown = current == null ? ""
				: current.failed() ? "rows could not be read" : String.format("%,d%s shown", current.size(), current.counted() ? "" : "+");
		String rest = spamCounters == null ? "" : String.format(" \u00b7 %,d unread \u00b7 %,d quarantined \u00b7 %,d blocked", unreadCount,
				spamCounters.quarantined(), spamCounters.blocked() + spamCounters.droppedByFlood());
		counters.setText(shown + rest);
		counters.getParent().layout();
	}

	private void show(TableItem item, StoredMessage stored) {
		ReceivedMessage m = stored.message();
		item.setText(new String[] { MessageText.sender(m), m.recipientName(), MessageText.time(m), MessageText.preview(m),
				MessageText.path(m), MessageText.flags(m) });
		keyColumn.show(item, m);
		item.setFont(stored.read() ? null : bold);
		item.setForeground(m.flags().contains(MessageFlag.URGENT) ? display.getSystemColor(SWT.COLOR_DARK_RED) : null);
		item.setData(stored);
	}

	private List<StoredMessage> selected() {
		return rowsView.selection();
	}

	private void selectionChanged() {
		List<StoredMessage> selection = table == null ? List.of() : selected();
		for (Button b : selectionButtons) {
			b.setEnabled(!selection.isEmpty());
		}
		if (details == null) {
			return;
		}
		if (selection.size() == 1) {
			StoredMessage m = selection.get(0);
			details.setText(MessageText.details(m.message()));
			if (!m.read()) {
				markRead(List.of(m), true);
			}
		} else {
			details.setText(selection.isEmpty() ? "" : selection.size() + " messages selected");
		}
	}

	private void reply() {
		List<StoredMessage> selection = selected();
		if (selection.size() == 1) {
			ReceivedMessage m = selection.get(0).message();
			events.post(HeraldEvents.COMPOSE, new ComposeRequest(m.senderName(), MessageText.quoted(m)));
		}
	}

	private void forward() {
		List<StoredMessage> selection = selected();
		if (selection.size() == 1) {
			ReceivedMessage m = selection.get(0).message();
			events.post(HeraldEvents.COMPOSE, new ComposeRequest("", "Forwarded: " + MessageText.quoted(m).strip()));
		}
	}

	private void markRead(boolean read) {
		markRead(selected(), read);
	}

	private void markRead(List<StoredMessage> messages, boolean read) {
		List<Long> ids = messages.stream().map(StoredMessage::id).toList();
		worker.execute(() -> {
			try {
				inbox.markRead(ids, read);
			} catch (IOException e) {
				ui(() -> counters.setText("Inbox: " + e.getMessage()));
			}
		});
	}

	private void delete() {
		List<Long> ids = selected().stream().map(StoredMessage::id).toList();
		worker.execute(() -> {
			try {
				inbox.delete(ids);
			} catch (IOException e) {
				ui(() -> counters.setText("Inbox: " + e.getMessage()));
			}
		});
	}

	private void blockSender() {
		List<SenderPattern> senders = selected().stream()
				.map(m -> SenderPattern.parse(m.message().senderAddress().getHostAddress())).distinct().toList();
		worker.execute(() -> {
			try {
				for (SenderPattern p : senders) {
					inbox.addRule(new SpamRule(SpamRule.RuleList.BLOCK, p));
				}
				ui(() -> counters.setText("Blocked " + senders.size() + " sender(s): their messages no longer arrive"));
			} catch (IOException e) {
				ui(() -> counters.setText("Inbox: " + e.getMessage()));
			}
		});
	}

	/**
	 * The store changed, here or in another process. A read-state flip refreshes only its rows and new
	 * messages come on top, so the selection and the scroll position stay; a deletion reads the rows again.
	 */
	private void changed(InboxChange change) {
		switch (change.kind()) {
		case UPDATED -> worker.execute(() -> {
			InboxWindow current = latest;
			try {
				List<StoredMessage> fresh = inbox.get(change.ids().stream().mapToLong(Long::longValue).toArray());
				if (current != null && current.update(fresh)) {
					windowChanged(current);
				}
				countersStale.set(true);
				ui(this::readCountersLater);
			} catch (IOException e) {
				ui(() -> counters.setText("Inbox: " + e.getMessage()));
			}
		});
		case ADDED, EXTERNAL -> worker.execute(this::readArrivals);
		case DELETED -> ui(() -> {
			rowsView.forget(change.ids());
			reload();
		});
		case POLICY -> {
			countersStale.set(true);
			ui(this::readCountersLater);
		}
		}
	}

	/**
	 * Reads the messages stored since the window's last read of them (worker thread). A failed read moves
	 * nothing on (the next read starts where it did), and is tried again after {@value #RETRY_MS} ms
	 * rather than waiting for the next change of the store, which may not come.
	 */
	private void readArrivals() {
		InboxWindow current = latest;
		try {
			int came = current == null ? 0 : current.refreshArrivals();
			if (came < 0) {
				ui(this::reload);
				return;
			}
			if (came > 0) {
				windowChanged(current);
			}
			countersStale.set(true);
			ui(this::readCountersLater);
		} catch (IOException | RuntimeException e) {
			ui(() -> {
				counters.setText("Inbox: " + e.getMessage());
				if (!arrivalsRetry) {
					arrivalsRetry = true;
					display.timerExec(RETRY_MS, () -> {
						arrivalsRetry = false;
						if (!table.isDisposed() && !worker.isShutdown()) {
							worker.execute(this::readArrivals);
						}
					});
				}
			});
		}
	}

	/** Reads the counters on the worker once the reads queued before are done (one read for a burst of changes). */
	private void readCountersLater() {
		worker.execute(() -> {
			if (countersStale.getAndSet(false)) {
				try {
					readCounters();
				} catch (IOException e) {
					ui(() -> counters.setText("Inbox: " + e.getMessage()));
				}
			}
		});
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

	/** For tests: the table, once the part is created. */
	Table table() {
		return table;
	}

	InboxTable rows() {
		return rowsView;
	}

	/** For tests: the thread that reads the store for this part. */
	ExecutorService worker() {
		return worker;
	}

	InboxKeyColumn keyColumn() {
		return keyColumn;
	}

	Combo viewChooser() {
		return view;
	}

	Text searchBox() {
		return search;
	}

	Text details() {
		return details;
	}

	Label counters() {
		return counters;
	}

	/** Message > Reply in the menu and the toolbar (Ctrl+R): answers the selected message. */
	@Inject
	@Optional
	void replyRequested(@org.eclipse.e4.ui.di.UIEventTopic(HeraldEvents.REPLY) Object any) {
		if (table != null && !table.isDisposed()) {
			reply();
		}
	}

	@PreDestroy
	public void dispose() {
		if (worker.isShutdown()) {
			return; // disposed before (a test's context disposes it again)
		}
		worker.execute(() -> { // after an open still in progress
			if (inbox != null) {
				inbox.removeListener(listener);
			}
		});
		worker.shutdown(); // no interrupts: a read of the store may be in progress
		if (bold != null) {
			bold.dispose();
		}
	}
}
