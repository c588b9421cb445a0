/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.swt.widgets.Display;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.osgi.service.datalocation.Location;
import org.herald.api.BindInterface;
import org.herald.api.Identity;
import org.herald.api.Settings;
import org.herald.inbox.Inbox;
import org.herald.inbox.InboxService;
import org.herald.messenger.DeliveryFallback;
import org.herald.messenger.Messenger;
import org.herald.messenger.PortsInUseException;
import org.herald.messenger.Presence;
import org.herald.messenger.ui.internal.WorkbenchPeers;
import org.herald.messenger.ui.internal.WorkspaceInbox;
import org.herald.peer.PeerService;
import org.herald.messenger.ui.internal.Notifications;
import org.herald.ui.HeraldEvents;
import org.herald.ui.Workers;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Makes the workbench present on the network while it runs: the name responder and the receivers on
 * the configured interfaces, storing into this workspace's inbox. When another process (a headless
 * {@code herald listen}) already holds the ports, the workbench says so and still shows the inbox,
 * which that process fills. Beside the receivers runs the encrypted peer service (TCP 1139), as in
 * {@code herald listen}. Saved settings restart it with the new identity.
 */
public class PresenceAddon {

	@Inject
	@Optional
	@Service
	private Messenger messenger;

	@Inject
	@Optional
	@Service
	private InboxService inboxService;

	@Inject
	@Service
	private Settings settings;

	/** The outbox, when installed: while the workbench is on the network it retries what was kept. */
	@Inject
	@Optional
	@Service
	private DeliveryFallback fallback;

	@Inject
	@Optional
	@Named("instanceLocation")
	private Location workspace;

	@Inject
	private MApplication application;

	private final ExecutorService worker = Workers.single("herald-presence");
	private Presence presence;
	private PeerService peers;
	private AutoCloseable retries;
	private Display display;

	@PostConstruct
	public void start() {
		display = Display.getCurrent();
		worker.execute(() -> join(settings.identity()));
	}

	@Inject
	@Optional
	void settingsChanged(@UIEventTopic(HeraldEvents.SETTINGS_CHANGED) Identity identity) {
		worker.execute(() -> {
			leave();
			join(identity);
		});
	}

	/** Runs on the worker thread. */
	private void join(Identity identity) {
		if (messenger == null) {
			status("not receiving: this installation has no messenger");
			return;
		}
		if (!Notifications.load().receive()) {
			status("not receiving (switched off in Preferences > Notifications)");
			return;
		}
		if (identity.interfaces().isEmpty()) {
			status("not receiving: no interfaces configured (File > Preferences)");
			return;
		}
		try {
			java.util.Optional<Inbox> inbox = WorkspaceInbox.open(inboxService, workspace, identity);
			if (inbox.isEmpty()) {
				status("not receiving: this installation has no inbox store to receive into");
				return;
			}
			String receiving = "receiving as " + identity.messengerName() + " on "
					+ String.join(", ", identity.interfaces().stream().map(BindInterface::toString).toList());
			Inbox store = inbox.get();
			presence = messenger.join(identity, store, event -> {
				// registrations and refreshes are routine; refusals, conflicts and defences are news
				switch (event.kind()) {
				case REFUSED, CONFLICT, DEFENDED, UNANSWERED -> status(receiving + "; " + event);
				default -> {
					// routine
				}
				}
			}, () -> {
				try {
					return store.policy().settings().sessions();
				} catch (IOException e) {
					throw new java.io.UncheckedIOException(e);
				}
			});
			status(receiving + joinPeers(identity, store));
			java.util.Optional<Path> dir = WorkspaceInbox.directory(workspace);
			if (fallback != null && dir.isPresent()) {
				retries = fallback.retryWhileRunning(dir.get());
			}
		} catch (PortsInUseException e) {
			status("not receiving here: " + e.getMessage());
		} catch (IOException | RuntimeException e) {
			status("not receiving: " + e.getMessage());
		}
	}

	/** Starts the peer service beside the receivers; says how it went, for the status line. */
	private String joinPeers(Identity identity, Inbox store) {
		java.util.Optional<Path> dir = WorkspaceInbox.directory(workspace);
		if (dir.isEmpty()) {
			return "";
		}
		try {
			peers = WorkbenchPeers.start(identity, dir.get(), store, warning -> status(warning));
			return peers == null ? "" : "; encrypted Herald peers on tcp " + peers.addresses().get(0).getPort();
		} catch (IOException | RuntimeException e) {
			return "; no encrypted peer service: " + e.getMessage();
		}
	}

	private void leave() {
		if (retries != null) {
			try {
				retries.close();
			} catch (Exception e) {
				LOG.log(System.Logger.Level.WARNING, "presence: the outbox's retries did not stop: " + e.getMessage());
			}
			retries = null;
		}
		if (peers != null) {
			peers.close();
			peers = null;
		}
		if (presence != null) {
			presence.close();
			presence = null;
		}
	}

	private static final System.Logger LOG = System.getLogger(PresenceAddon.class.getName());

	/** Puts the line into the application's context, where the status line (and anyone) reads it; logs it too. */
	private void status(String text) {
		LOG.log(System.Logger.Level.INFO, "presence: " + text);
		if (display != null && !display.isDisposed()) {
			display.asyncExec(() -> application.getContext().set(HeraldEvents.PRESENCE, text));
		}
	}

	/** For tests: the presence, once joined. */
	Presence presence() {
		return presence;
	}

	/** For tests: the peer service, once joined. */
	PeerService peers() {
		return peers;
	}

	@PreDestroy
	public void stop() {
		worker.execute(this::leave);
		worker.shutdown();
		try {
			worker.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
