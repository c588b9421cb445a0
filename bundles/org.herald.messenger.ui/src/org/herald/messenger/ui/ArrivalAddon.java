/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.ui;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.osgi.service.datalocation.Location;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Tray;
import org.eclipse.swt.widgets.TrayItem;
import org.herald.api.MessageFlag;
import org.herald.api.Settings;
import org.herald.api.StoredMessage;
import org.herald.inbox.Inbox;
import org.herald.inbox.InboxChange;
import org.herald.inbox.InboxListener;
import org.herald.inbox.InboxQuery;
import org.herald.inbox.InboxQuery.ReadFilter;
import org.herald.inbox.InboxService;
import org.herald.messenger.ui.internal.WorkspaceInbox;
import org.herald.messenger.ui.internal.ArrivalPopup;
import org.herald.messenger.ui.internal.MessageText;
import org.herald.messenger.ui.internal.Notifications;
import org.herald.ui.ComposeRequest;
import org.herald.ui.HeraldEvents;
import org.herald.ui.Workers;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Tells the user about new messages: a pop-up for each (WinPopup style), and while the window is
 * minimized a tray icon with the unread count, as LinPopUp and KLinPopup did. Messages that another
 * process (a headless {@code herald listen}) stored pop up too. Quarantined and blocked ones never do.
 */
public class ArrivalAddon {

	/** At most this many pop-ups for one burst; the rest wait in the inbox. */
	static final int MAX_POPUPS_AT_ONCE = 5;

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

	@Inject
	private MApplication application;

	private final ExecutorService worker = Workers.single("herald-arrivals");
	private final InboxListener listener = this::changed;
	private final List<ArrivalPopup> open = new ArrayList<>();
	private Display display;
	/** Set by the worker once the store is open. */
	private volatile Inbox inbox;
	private volatile boolean stopped;
	/** The newest message already announced. */
	private volatile long lastSeen;
	private TrayItem trayItem;
	private Image trayImage;

	@PostConstruct
	public void start() {
		display = Display.getCurrent();
		if (display == null) {
			return;
		}
		// Opening the store (seconds for a large inbox) must not hold up the first window.
		Instant started = Instant.now();
		later(() -> watch(started));
		display.asyncExec(this::watchMinimize);
	}

	/**
	 * Opens the inbox and starts announcing (worker thread). Only what arrived before the addon started
	 * counts as already seen: a message stored while the store was being opened still pops up.
	 */
	private void watch(Instant started) {
		try {
			Inbox opened = WorkspaceInbox.open(inboxService, workspace, settings.identity()).orElse(null);
			if (opened == null || stopped) {
				return;
			}
			opened.addListener(listener);
			inbox = opened;
			long[] before = opened.ids(InboxQuery.all().withUntil(started).withLimit(1));
			lastSeen = before.length == 0 ? 0 : before[0];
		} catch (IOException e) {
			return; // the inbox part says why the store cannot be opened
		}
		announceNew();
	}

	private void changed(InboxChange change) {
		if (change.kind() == InboxChange.Kind.ADDED || change.kind() == InboxChange.Kind.EXTERNAL) {
			later(this::announceNew);
		} else if (change.kind() == InboxChange.Kind.UPDATED || change.kind() == InboxChange.Kind.DELETED) {
			later(this::updateTray);
		}
	}

	/** Queues {@code work} on the worker, unless the addon has stopped. */
	private void later(Runnable work) {
		try {
			worker.execute(work);
		} catch (RejectedExecutionException stoppedMeanwhile) {
			// the workbench is closing: nothing left to announce
		}
	}

	/** Finds what arrived since the last announcement, here or through another process, and pops it up. */
	private void announceNew() {
		// the settings as they are when the messages are seen, before they count as announced
		Notifications how = Notifications.load();
		try {
			List<StoredMessage> fresh = new ArrayList<>();
			for (StoredMessage m : inbox.page(InboxQuery.all().withLimit(50)).messages()) {
				if (m.id() > lastSeen) {
					fresh.add(m);
				}
			}
			if (fresh.isEmpty()) {
				return;
			}
			lastSeen = fresh.stream().mapToLong(StoredMessage::id).max().orElse(lastSeen);
			List<StoredMessage> shown = fresh.stream()
					.filter(m -> !m.flags().contains(MessageFlag.QUARANTINED) && !m.flags().contains(MessageFlag.BLOCKED))
					.sorted(Comparator.comparingLong(StoredMessage::id)).limit(MAX_POPUPS_AT_ONCE).toList();
			ui(() -> {
				shown.stream().filter(m -> how.popsUp(m.flags().contains(MessageFlag.URGENT))).forEach(this::popUp);
			});
			updateTray();
		} catch (IOException e) {
			// the inbox part shows store errors; a missed pop-up loses no message
		}
	}

	private void popUp(StoredMessage m) {
		open.removeIf(p -> p.shell().isDisposed());
		ArrivalPopup popup = new ArrivalPopup(display, m.message(), open.size(),
				() -> events.post(HeraldEvents.COMPOSE, new ComposeRequest(m.message().senderName(), MessageText.quoted(m.message()))));
		open.add(popup);
		popup.open();
	}

	private long unread() throws IOException {
		return inbox.count(InboxQuery.all().withRead(ReadFilter.UNREAD)
				.withoutFlags(Set.of(MessageFlag.QUARANTINED, MessageFlag.BLOCKED)));
	}

	private void updateTray() {
		if (inbox == null) {
			return; // not open yet: the count follows with the first announcement
		}
		try {
			long count = unread();
			ui(() -> showCount(count));
		} catch (IOException e) {
			// keep the last count
		}
	}

	/** Shows the tray icon while the main window is minimized (where the desktop has a tray). */
	private void watchMinimize() {
		Shell shell = mainShell();
		Tray tray = display.getSystemTray();
		if (shell == null || tray == null) {
			return;
		}
		shell.addListener(SWT.Iconify, e -> {
			if (Notifications.load().tray()) {
				later(this::updateTray);
				if (trayItem == null || trayItem.isDisposed()) {
					trayItem = new TrayItem(tray, SWT.NONE);
					trayItem.addListener(SWT.Selection, s -> {
						shell.setMinimized(false);
						shell.forceActive();
					});
				}
				trayItem.setVisible(true);
			}
		});
		shell.addListener(SWT.Deiconify, e -> {
			if (trayItem != null && !trayItem.isDisposed()) {
				trayItem.setVisible(false);
			}
		});
	}

	private void showCount(long count) {
		if (trayItem == null || trayItem.isDisposed()) {
			return;
		}
		Image image = new Image(display, 16, 16);
		GC gc = new GC(image);
		gc.setBackground(display.getSystemColor(count > 0 ? SWT.COLOR_DARK_RED : SWT.COLOR_DARK_GRAY));
		gc.fillOval(0, 0, 16, 16);
		gc.setForeground(display.getSystemColor(SWT.COLOR_WHITE));
		String label = count > 99 ? "99" : Long.toString(count);
		var extent = gc.textExtent(label);
		gc.drawText(label, (16 - extent.x) / 2, (16 - extent.y) / 2, true);
		gc.dispose();
		trayItem.setImage(image);
		trayItem.setToolTipText("Herald: " + count + " unread");
		if (trayImage != null) {
			trayImage.dispose();
		}
		trayImage = image;
	}

	private Shell mainShell() {
		return application.getChildren().isEmpty() || !(application.getChildren().get(0).getWidget() instanceof Shell s) ? null : s;
	}

	private void ui(Runnable r) {
		if (display != null && !display.isDisposed()) {
			display.asyncExec(() -> {
				if (!display.isDisposed()) {
					r.run();
				}
			});
		}
	}

	/** For tests: the newest message id announced so far. */
	long lastSeen() {
		return lastSeen;
	}

	/** For tests: the pop-ups opened so far. */
	List<ArrivalPopup> popups() {
		return open;
	}

	@PreDestroy
	public void stop() {
		stopped = true;
		// after an open still in progress on the worker
		later(() -> {
			if (inbox != null) {
				inbox.removeListener(listener);
			}
		});
		worker.shutdown(); // no interrupts: a read of the store may be in progress
		if (trayItem != null && !trayItem.isDisposed()) {
			trayItem.dispose();
		}
		if (trayImage != null) {
			trayImage.dispose();
		}
	}
}
