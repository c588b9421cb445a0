/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.ui;

import static org.herald.messenger.ui.Messages.message;
import static org.herald.ui.testing.UiTesting.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.e4.core.contexts.ContextInjectionFactory;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.TableItem;
import org.herald.api.MessageFlag;
import org.herald.api.Settings;
import org.herald.api.StoredMessage;
import org.herald.inbox.Inbox;
import org.herald.inbox.InboxQuery;
import org.herald.inbox.InboxService;
import org.herald.inbox.SpamSettings;
import org.herald.peer.IdentityKey;
import org.herald.peer.PeerPins;
import org.herald.ui.ComposeRequest;
import org.herald.ui.HeraldEvents;
import org.herald.ui.testing.Screenshots;
import org.herald.ui.testing.UiTesting;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.event.EventHandler;

/** The inbox part on a real SWT display over the real H2 inbox of the test runtime's workspace. */
class InboxPartTest {

	private Display display;
	private Shell shell;
	private IEclipseContext context;
	private Inbox inbox;
	private InboxPart part;

	@BeforeEach
	void setUp() throws Exception {
		display = Display.getDefault();
		context = UiTesting.partContext();
		Path workspace = Path.of(UiTesting.workspace().getURL().getPath());
		inbox = UiTesting.service(InboxService.class).open(workspace, UiTesting.service(Settings.class).identity());
		inbox.updateSettings(new SpamSettings(0, java.time.Duration.ofSeconds(10), false, false));
		inbox.delete(java.util.Arrays.stream(inbox.ids(InboxQuery.all())).boxed().toList());
		shell = new Shell(display);
		shell.setLayout(new FillLayout());
		shell.setSize(1000, 600);
		Composite parent = new Composite(shell, SWT.NONE);
		context.set(Composite.class, parent);
		part = ContextInjectionFactory.make(InboxPart.class, context);
		shell.open();
	}

	@AfterEach
	void tearDown() {
		ContextInjectionFactory.invoke(part, jakarta.annotation.PreDestroy.class, context);
		shell.dispose();
		context.dispose();
	}

	private String cell(int row, int column) {
		TableItem item = part.table().getItem(row);
		return item.getText(column);
	}

	@Test
	void showsStoredMessagesNewestFirstWithUnreadInBold() throws Exception {
		inbox.accept(message("ALICE", "127.0.0.7", "Backup finished", Instant.parse("2026-01-05T09:00:00Z")));
		inbox.accept(message("BOB", "127.0.0.8", "Disk full on\nSERVER2", Instant.parse("2026-01-05T10:00:00Z"), MessageFlag.REPAIRED));
		waitFor(display, "two rows", () -> part.table().getItemCount() == 2 && !cell(0, 0).isEmpty() && !cell(1, 0).isEmpty());
		assertEquals("BOB (127.0.0.8)", cell(0, 0));
		assertEquals("Disk full on SERVER2", cell(0, 3), "the preview is one line");
		assertEquals("repaired", cell(0, 5));
		assertEquals("ALICE (127.0.0.7)", cell(1, 0));
		int boldStyle = part.table().getItem(0).getFont().getFontData()[0].getStyle();
		assertTrue((boldStyle & SWT.BOLD) != 0, "unread rows are bold");
		// the counters are read after the rows, so that the rows show first
		waitFor(display, "2 unread in the counters", () -> part.counters().getText().contains("2 unread"));
	}

	/**
	 * The part opens the store off the UI thread; when that fails it says why where the table was. (The
	 * workspace lies under a regular file here, so no store can be created in it.)
	 */
	@Test
	void anInboxThatCannotBeOpenedSaysWhyInPlaceOfTheTable(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
		Path file = java.nio.file.Files.writeString(dir.resolve("not-a-folder"), "x");
		IEclipseContext broken = UiTesting.partContext();
		broken.set("instanceLocation", UiTesting.workspace().createLocation(null, file.resolve("workspace").toUri().toURL(), false));
		Shell other = new Shell(display);
		other.setLayout(new FillLayout());
		Composite parent = new Composite(other, SWT.NONE);
		broken.set(Composite.class, parent);
		InboxPart failing = ContextInjectionFactory.make(InboxPart.class, broken);
		try {
			other.open();
			waitFor(display, "the reason in place of the table", () -> parent.getChildren().length == 1
					&& parent.getChildren()[0] instanceof org.herald.ui.EmptyState);
			org.herald.ui.EmptyState state = (org.herald.ui.EmptyState) parent.getChildren()[0];
			assertEquals("The inbox cannot be opened", state.getTitle());
			assertTrue(state.getExplanation().contains("not-a-folder"), state.getExplanation());
			assertTrue(failing.table().isDisposed());
		} finally {
			ContextInjectionFactory.invoke(failing, jakarta.annotation.PreDestroy.class, broken);
			other.dispose();
			broken.dispose();
		}
	}

	/** An unread urgent message is held on top of the inbox, above newer ones; once read, the next reload puts it in its place by time. */
	@Test
	void unreadUrgentMessagesAreOnTopUntilRead() throws Exception {
		long urgent = inbox.accept(message("BOSS", "127.0.0.8", "Evacuate the 3rd floor", Instant.parse("2026-01-05T08:00:00Z"), MessageFlag.URGENT,
				MessageFlag.ENCRYPTED)).stored().orElseThrow().id();
		inbox.accept(message("ALICE", "127.0.0.7", "Backup finished", Instant.parse("2026-01-05T09:00:00Z")));
		inbox.accept(message("CAROL", "127.0.0.9", "Lunch?", Instant.parse("2026-01-05T10:00:00Z")));
		waitFor(display, "three rows", () -> part.table().getItemCount() == 3 && !cell(0, 0).isEmpty() && !cell(2, 0).isEmpty());
		assertEquals("BOSS (127.0.0.8)", cell(0, 0), "the urgent one on top, though oldest");
		assertEquals("encrypted, urgent", cell(0, 5));
		assertEquals(display.getSystemColor(SWT.COLOR_DARK_RED), part.table().getItem(0).getForeground());
		assertEquals("CAROL (127.0.0.9)", cell(1, 0));
		assertEquals("ALICE (127.0.0.7)", cell(2, 0));
		Screenshots.take(shell, "inbox-urgent-on-top.png");

		// reading it does not move the row under the reader's eyes; the next reload puts it in its place
		inbox.markRead(java.util.List.of(urgent), true);
		inbox.accept(message("DAVE", "127.0.0.10", "Meeting moved", Instant.parse("2026-01-05T11:00:00Z")));
		waitFor(display, "the read urgent message in its place", () -> part.table().getItemCount() == 4 && cell(3, 0).startsWith("BOSS"));
		assertEquals("DAVE (127.0.0.10)", cell(0, 0));
	}

	/**
	 * An encrypted message carries the lock mark and says whether its sender's key is verified (the
	 * workspace's pins: unverified until the fingerprint is verified); a quarantined one from a
	 * changed key says so, and a plain one has no mark.
	 */
	@Test
	void encryptedMessagesCarryTheLockAndTheSenderKeyState() throws Exception {
		PeerPins pins = PeerPins.in(Path.of(UiTesting.workspace().getURL().getPath()));
		pins.forget("KEYHOLDER");
		var key = IdentityKey.loadOrCreate(java.nio.file.Files.createTempDirectory("herald-keyholder"));
		pins.check("KEYHOLDER", key.publicKey());
		try {
			inbox.accept(message("PLAINER", "127.0.0.12", "plain text", Instant.parse("2026-01-05T08:00:00Z")));
			inbox.accept(message("?KEYHOLDER (key changed)", "127.0.0.14", "from an impostor", Instant.parse("2026-01-05T08:30:00Z"),
					MessageFlag.ENCRYPTED, MessageFlag.QUARANTINED));
			inbox.accept(message("KEYHOLDER", "127.0.0.13", "sealed", Instant.parse("2026-01-05T09:00:00Z"), MessageFlag.ENCRYPTED));
			waitFor(display, "two rows", () -> part.table().getItemCount() == 2 && !cell(0, 0).isEmpty() && !cell(1, 0).isEmpty());
			int key_ = part.keyColumn().index();
			assertEquals("Key", part.table().getColumn(key_).getText());
			assertEquals("KEYHOLDER (127.0.0.13)", cell(0, 0));
			assertEquals("unverified", cell(0, key_));
			assertSame(part.keyColumn().lock(), part.table().getItem(0).getImage(0), "the lock mark");
			assertEquals("", cell(1, key_));
			assertNull(part.table().getItem(1).getImage(0), "no lock on a plain message");
			Screenshots.take(shell, "inbox-lock-unverified.png");

			assertTrue(pins.verify("KEYHOLDER", key.fingerprint()));
			waitFor(display, "the row to say verified", () -> {
				part.table().clearAll();
				return cell(0, key_).equals("verified");
			});
			assertSame(part.keyColumn().lock(), part.table().getItem(0).getImage(0));

			part.viewChooser().select(2); // Quarantined
			part.viewChooser().notifyListeners(SWT.Selection, new Event());
			waitFor(display, "the quarantined message", () -> part.table().getItemCount() == 1 && cell(0, 0).startsWith("?KEYHOLDER")
					&& part.counters().getText().startsWith("1 shown"));
			assertEquals("key changed!", cell(0, key_));
			assertSame(part.keyColumn().lock(), part.table().getItem(0).getImage(0));
			Screenshots.take(shell, "inbox-lock-key-changed.png");
		} finally {
			pins.forget("KEYHOLDER");
		}
	}

	@Test
	void selectingShowsTheWholeTextAndMarksItRead() throws Exception {
		long id = inbox.accept(message("CAROL", "127.0.0.9", "Line one\nLine two", Instant.now())).stored().orElseThrow().id();
		waitFor(display, "a row", () -> part.table().getItemCount() == 1 && !cell(0, 0).isEmpty());
		part.table().select(0);
		part.table().notifyListeners(SWT.Selection, new Event());
		assertTrue(part.details().getText().contains("From:  CAROL (127.0.0.9)"), part.details().getText());
		assertTrue(part.details().getText().endsWith("Line one\nLine two"), part.details().getText());
		waitFor(display, "the message to be read", () -> {
			try {
				return inbox.get(id).orElseThrow().read();
			} catch (java.io.IOException e) {
				throw new IllegalStateException(e);
			}
		});
		waitFor(display, "the row to lose its bold", () -> {
			var font = part.table().getItem(0).getFont();
			return (font.getFontData()[0].getStyle() & SWT.BOLD) == 0;
		});
		assertEquals(0, part.table().getSelectionIndex(), "the selection stays");
	}

	@Test
	void searchAsYouTypeUsesTheStoreAndNewMessagesArriveLive() throws Exception {
		inbox.accept(message("ALICE", "127.0.0.7", "printer jammed again", Instant.now()));
		inbox.accept(message("BOB", "127.0.0.8", "lunch at noon?", Instant.now()));
		waitFor(display, "two rows", () -> part.table().getItemCount() == 2);
		part.searchBox().setText("PRINTER");
		waitFor(display, "the search to narrow to one", () -> part.table().getItemCount() == 1 && cell(0, 0).startsWith("ALICE"));
		part.searchBox().setText("");
		waitFor(display, "all rows again", () -> part.table().getItemCount() == 2);
		inbox.accept(message("DAVE", "127.0.0.10", "fire drill at 3", Instant.now()));
		waitFor(display, "the new message on top", () -> part.table().getItemCount() == 3 && cell(0, 0).startsWith("DAVE"));
	}

	@Test
	void replyOpensTheComposerAddressedToTheSender() throws Exception {
		inbox.accept(message("ERIN", "127.0.0.11", "ping", Instant.now()));
		waitFor(display, "a row", () -> part.table().getItemCount() == 1 && !cell(0, 0).isEmpty());
		AtomicReference<ComposeRequest> asked = new AtomicReference<>();
		IEventBroker broker = context.get(IEventBroker.class);
		EventHandler handler = e -> asked.set((ComposeRequest) e.getProperty(IEventBroker.DATA));
		broker.subscribe(HeraldEvents.COMPOSE, handler);
		try {
			part.table().select(0);
			part.table().notifyListeners(SWT.Selection, new Event());
			part.table().notifyListeners(SWT.DefaultSelection, new Event());
			waitFor(display, "a compose request", () -> asked.get() != null);
			assertEquals("ERIN", asked.get().recipients());
			assertTrue(asked.get().text().contains("> ping"), asked.get().text());
		} finally {
			broker.unsubscribe(handler);
		}
	}

	@Test
	void quarantinedMessagesStayOutOfTheInboxViewAndShowInTheirOwn() throws Exception {
		inbox.accept(message("FRANK", "127.0.0.12", "hello", Instant.now()));
		// the test runtime's identity has no interfaces: with the rule on, every sender is an outsider
		inbox.updateSettings(new SpamSettings(0, java.time.Duration.ofSeconds(10), false, true));
		StoredMessage held = inbox.accept(message("SPAMMER", "127.0.0.13", "buy now", Instant.now())).stored().orElseThrow();
		assertTrue(held.flags().contains(MessageFlag.QUARANTINED), held.flags().toString());
		waitFor(display, "one row in the inbox view", () -> part.table().getItemCount() == 1 && cell(0, 0).startsWith("FRANK"));
		part.viewChooser().select(InboxPart.View.QUARANTINED.ordinal());
		part.viewChooser().notifyListeners(SWT.Selection, new Event());
		waitFor(display, "the quarantined message in its view",
				() -> part.table().getItemCount() == 1 && cell(0, 0).startsWith("SPAMMER"));
		assertEquals("quarantined", cell(0, 5));
		long quarantined = inbox.counters().quarantined(); // durable: earlier tests of this workspace count too
		waitFor(display, "the counter", () -> part.counters().getText().contains(String.format("%,d quarantined", quarantined)));
	}
}
