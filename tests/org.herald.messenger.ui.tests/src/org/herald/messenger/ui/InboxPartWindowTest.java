/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.ui;

import static org.herald.messenger.ui.Messages.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.eclipse.e4.core.contexts.ContextInjectionFactory;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.osgi.service.datalocation.Location;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.TableItem;
import org.herald.ui.testing.Screenshots;
import org.herald.api.Settings;
import org.herald.api.StoredMessage;
import org.herald.inbox.Inbox;
import org.herald.inbox.InboxQuery;
import org.herald.inbox.InboxService;
import org.herald.inbox.SpamSettings;
import org.herald.messenger.ui.internal.InboxWindow;
import org.herald.ui.testing.UiTesting;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The inbox part over a real H2 inbox of {@value #MESSAGES} messages in a workspace of its own, on a real
 * display: the whole inbox scrolls (the table holds only the rows that fit; its slider spans them all),
 * a search starts at the top, arrivals come on top, and the selection and read marks follow message ids.
 */
class InboxPartWindowTest {

	private static final int MESSAGES = 20_000;
	/** One message in this many carries the word searched for. */
	private static final int EVERY = 100;
	private static final String WORD = "quokka";

	@TempDir
	static Path workspace;
	private static Inbox inbox;
	private static Location location;

	private Display display;
	private Shell shell;
	private IEclipseContext context;
	private InboxPart part;

	@BeforeAll
	static void fill() throws Exception {
		inbox = UiTesting.service(InboxService.class).open(workspace, UiTesting.service(Settings.class).identity());
		inbox.updateSettings(new SpamSettings(0, Duration.ofSeconds(10), false, false));
		// many writers share group commits (one fsync for many messages)
		ExecutorService writers = Executors.newFixedThreadPool(16);
		try {
			List<Future<?>> done = new ArrayList<>();
			Instant start = Instant.parse("2026-01-01T00:00:00Z");
			for (int w = 0; w < 16; w++) {
				int first = w;
				done.add(writers.submit(() -> {
					for (int i = first; i < MESSAGES; i += 16) {
						String text = "note " + i + (i % EVERY == 0 ? " about the " + WORD : " about lunch");
						inbox.accept(message("SENDER" + (i % 40), "127.0.0." + (1 + i % 200), text, start.plusSeconds(i)));
					}
					return null;
				}));
			}
			for (Future<?> f : done) {
				f.get();
			}
		} finally {
			writers.shutdown();
		}
		location = UiTesting.workspace().createLocation(null, workspace.toUri().toURL(), false);
	}

	@AfterAll
	static void close() throws Exception {
		inbox.close();
	}

	@BeforeEach
	void setUp() throws Exception {
		display = Display.getDefault();
		context = UiTesting.partContext();
		context.set("instanceLocation", location);
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

	private long stored() throws IOException {
		return inbox.count(InboxPart.View.INBOX.query(""));
	}

	private InboxWindow window() {
		return part.rows().window();
	}

	/** A bound on a hang only: the machine may be busy. */
	private static final Duration LIMIT = Duration.ofSeconds(60);

	private void waitFor(Display display, String what, BooleanSupplier condition) {
		try {
			UiTesting.waitFor(display, what, LIMIT, condition);
		} catch (AssertionError e) {
			throw new AssertionError(e.getMessage() + "; " + describe(), e);
		}
	}

	/** What the table shows, for a failure message. */
	private String describe() {
		if (part.table() == null || part.table().isDisposed()) {
			return "no table";
		}
		List<Integer> empty = new ArrayList<>();
		for (int i = 0; i < part.table().getItemCount(); i++) {
			if (shownAt(i) == null) {
				empty.add(i);
			}
		}
		InboxWindow w = window();
		String held = w == null || empty.isEmpty() ? "" : " window has row " + (part.rows().top() + empty.get(0)) + ": "
				+ (w.at(part.rows().top() + empty.get(0)) != null);
		return String.format("top=%d items=%d fit=%d slider=%d/%d empty items=%s%s %s counters='%s'", part.rows().top(),
				part.table().getItemCount(), part.rows().visibleRows(), part.rows().slider().getSelection(),
				part.rows().slider().getMaximum(), empty, held, w, part.counters().getText());
	}

	/**
	 * The message in the table's item {@code index}, or null while its page is read. The text is read
	 * first: in a virtual table that asks for the item's contents (SetData) if it was cleared, and the
	 * table sets the text and the message together; the data alone may still be the item's old message.
	 */
	private StoredMessage shownAt(int index) {
		if (index >= part.table().getItemCount()) {
			return null;
		}
		TableItem item = part.table().getItem(index);
		String sender = item.getText(0);
		return !sender.isEmpty() && item.getData() instanceof StoredMessage m ? m : null;
	}

	/** Waits until the part's worker has run everything queued before (not running the UI's queue meanwhile). */
	private void workerIdle() throws Exception {
		part.worker().submit(() -> {
		}).get(LIMIT.toSeconds(), TimeUnit.SECONDS);
	}

	/** Holds the part's worker until the latch returned is counted down. */
	private CountDownLatch holdWorker() {
		CountDownLatch gate = new CountDownLatch(1);
		part.worker().execute(() -> {
			try {
				gate.await(LIMIT.toSeconds(), TimeUnit.SECONDS);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		});
		return gate;
	}

	/** Runs the UI's queue until nothing is left in it. */
	private void drainUi() {
		while (display.readAndDispatch()) {
			// next
		}
	}

	private boolean rowsShown() {
		int n = part.table().getItemCount();
		for (int i = 0; i < n; i++) {
			if (shownAt(i) == null) {
				return false;
			}
		}
		return n > 0;
	}

	/** Waits until the window has counted the rows and the table shows that count (its slider spans them). */
	private void waitForTheCount(long expected) {
		waitFor(display, "all " + expected + " rows counted", () -> window() != null && window().counted() && window().size() == expected
				&& part.rows().slider().getMaximum() == expected && rowsShown());
	}

	private void key(int keyCode, int stateMask) {
		Event e = new Event();
		e.keyCode = keyCode;
		e.stateMask = stateMask;
		e.doit = true;
		part.table().notifyListeners(SWT.KeyDown, e);
	}

	private boolean bold(TableItem item) {
		return (item.getFont().getFontData()[0].getStyle() & SWT.BOLD) != 0;
	}

	@Test
	void theTableSpansTheWholeInboxAndItsEndShowsTheOldestMessage() throws Exception {
		long total = stored();
		waitForTheCount(total);
		assertTrue(part.table().getItemCount() < 100, "the table holds the rows that fit, not " + part.table().getItemCount());
		// the rows' height is known once GTK has drawn them: the table then holds as many as fit
		waitFor(display, "as many rows as fit", () -> part.rows().visibleRows() == part.table().getItemCount() && rowsShown());
		assertEquals(total, part.rows().slider().getMaximum(), "the slider spans every row");
		assertTrue(part.rows().slider().isEnabled());
		long[] ids = inbox.ids(InboxPart.View.INBOX.query(""));
		StoredMessage oldest = inbox.get(ids[ids.length - 1]).orElseThrow();
		StoredMessage newest = inbox.get(ids[0]).orElseThrow();
		assertEquals(newest.id(), shownAt(0).id(), "newest first");

		part.table().setFocus();
		key(SWT.END, SWT.MOD1);
		int last = part.table().getItemCount() - 1;
		waitFor(display, "the oldest message in the last row", () -> {
			StoredMessage m = shownAt(part.table().getItemCount() - 1);
			return m != null && m.id() == oldest.id();
		});
		assertEquals(total - 1, part.rows().top() + last, "the last row is the last of the inbox");
		assertEquals(part.rows().top(), part.rows().slider().getSelection(), "the slider is at the end");
		assertTrue(part.table().getItem(last).getText(3).startsWith("note "), part.table().getItem(last).getText(3));
		waitFor(display, "the oldest message selected", () -> part.rows().selection().size() == 1
				&& part.rows().selection().get(0).id() == oldest.id() && part.table().getSelectionIndex() == last);
		Screenshots.take(shell, "inbox-window-end.png");

		part.rows().scrollTo((int) (total / 2));
		waitFor(display, "the middle rows", this::rowsShown);
		assertEquals(ids[(int) (total / 2)], shownAt(0).id(), "row N is the Nth newest, in the middle too");
		Screenshots.take(shell, "inbox-window-middle.png");

		key(SWT.HOME, SWT.MOD1);
		waitFor(display, "the newest message on top again", () -> part.rows().top() == 0 && shownAt(0) != null && shownAt(0).id() == newest.id());
	}

	@Test
	void aSearchStartsAtTheTopAndShowsOnlyMatches() throws Exception {
		long total = stored();
		waitForTheCount(total);
		part.rows().scrollTo((int) (total - 50));
		waitFor(display, "rows near the end", () -> part.rows().top() > total - 100 && rowsShown());

		part.searchBox().setText(WORD);
		long matches = inbox.count(InboxPart.View.INBOX.query(WORD));
		assertTrue(matches >= MESSAGES / EVERY, "matches: " + matches);
		waitFor(display, "the matches from the top", () -> window() != null && window().query().words().isPresent()
				&& window().counted() && window().size() == matches && part.rows().slider().getMaximum() == matches && rowsShown());
		assertEquals(0, part.rows().top(), "a new search starts at the top");
		assertEquals(0, part.rows().slider().getSelection());
		long newestMatch = inbox.page(InboxPart.View.INBOX.query(WORD).withLimit(1)).messages().get(0).id();
		assertEquals(newestMatch, shownAt(0).id());
		for (int i = 0; i < part.table().getItemCount(); i++) {
			String text = part.table().getItem(i).getText(3);
			assertTrue(text.contains(WORD), "row " + i + " does not match: " + text);
		}
		assertTrue(part.counters().getText().startsWith(String.format("%,d shown", matches)), part.counters().getText());

		// to the end of the matches, then the search cleared: the top of the whole inbox again
		key(SWT.END, 0);
		waitFor(display, "the last match", () -> part.rows().top() + part.table().getItemCount() == matches && rowsShown());
		part.searchBox().setText("");
		waitFor(display, "every message from the top", () -> window() != null && window().query().words().isEmpty()
				&& window().counted() && window().size() == total && rowsShown());
		assertEquals(0, part.rows().top());
	}

	@Test
	void aNewArrivalComesOnTopWithoutMovingRowsInView() throws Exception {
		long total = stored();
		waitForTheCount(total);
		long id = inbox.accept(message("NEWCOMER", "127.0.0.99", "just arrived", Instant.now())).stored().orElseThrow().id();
		waitFor(display, "the new message on top", () -> window().size() == total + 1 && part.rows().slider().getMaximum() == total + 1
				&& shownAt(0) != null && shownAt(0).id() == id);
		assertEquals("NEWCOMER (127.0.0.99)", part.table().getItem(0).getText(0));

		// scrolled down, an arrival does not move the rows in view
		part.rows().scrollTo(1000);
		waitFor(display, "row 1000", () -> part.rows().top() == 1000 && rowsShown());
		long inView = shownAt(0).id();
		inbox.accept(message("LATECOMER", "127.0.0.98", "arrived later", Instant.now()));
		waitFor(display, "the same rows in view, one row further down", () -> window().size() == total + 2
				&& part.rows().slider().getMaximum() == total + 2 && part.rows().top() == 1001 && rowsShown() && shownAt(0).id() == inView);
	}

	/**
	 * A scroll asked for after a message came on top, before the table was refreshed for it, is not moved
	 * again by that refresh: the rows move for an arrival once, whichever refresh first shows it.
	 */
	@Test
	void aScrollAfterAnArrivalStaysWhereItWasAsked() throws Exception {
		long total = stored();
		waitForTheCount(total);
		workerIdle();
		drainUi();
		long id = accepted(message("NEWCOMER", "127.0.0.97", "arrived just now", Instant.now()));
		long deadline = System.nanoTime() + LIMIT.toNanos();
		while (window().size() != total + 1) { // read by the worker; the UI's queue is not run meanwhile
			assertTrue(System.nanoTime() < deadline, "the arrival was never read");
			workerIdle();
		}
		long[] ids = inbox.ids(InboxPart.View.INBOX.query(""));
		assertEquals(id, ids[0]);
		part.rows().scrollTo(1000);
		waitFor(display, "row 1000 on top, as asked", () -> part.rows().top() == 1000 && rowsShown() && shownAt(0).id() == ids[1000]
				&& part.rows().slider().getMaximum() == total + 1);
		drainUi();
		assertEquals(1000, part.rows().top());
		assertEquals(ids[1000], shownAt(0).id());
	}

	@Test
	void theSelectionAndItsReadMarkFollowTheMessageThroughScrollingAndRereading() throws Exception {
		long total = stored();
		waitForTheCount(total);
		long[] ids = inbox.ids(InboxPart.View.INBOX.query(""));
		int row = 5_000;
		long id = ids[row];
		inbox.markRead(List.of(id), false);
		part.rows().scrollTo(row);
		waitFor(display, "row " + row, () -> rowsShown() && shownAt(0).id() == id && bold(part.table().getItem(0)));
		part.table().select(0);
		part.table().notifyListeners(SWT.Selection, new Event());
		waitFor(display, "the message marked read in the store", () -> read(id));
		waitFor(display, "its row no longer bold", () -> shownAt(0) != null && !bold(part.table().getItem(0)));

		// far away (the slider or the wheel: the keys would move the selection) and back: read again
		// from the store, still selected and read
		part.rows().scrollTo((int) total);
		waitFor(display, "the end", () -> part.rows().top() + part.table().getItemCount() == total && rowsShown());
		part.rows().scrollTo(row - 3);
		// the rows and then the selection by id are set on the UI thread: wait for both
		waitFor(display, "the message again, still selected", () -> rowsShown() && shownAt(3).id() == id && part.table().isSelected(3));
		assertFalse(bold(part.table().getItem(3)));

		// a deletion reads every row again: the position and the selection stay
		inbox.delete(List.of(ids[10]));
		waitFor(display, "the rows read again, the message still selected", () -> window() != null && window().counted() && window().size() == total - 1 && rowsShown()
				&& shownAt(2) != null && shownAt(2).id() == id && part.table().isSelected(2)
				&& part.details().getText().contains("note "));
		assertFalse(bold(part.table().getItem(2)));
		assertEquals(id, part.rows().selection().get(0).id());
		assertTrue(part.details().getText().contains("note "), part.details().getText());
	}

	/**
	 * A read of the old window ends while a reload opens a new one, and the new window's pages are read
	 * before the UI loop runs the old window's refresh: the new window's rows still show. The worker is
	 * held and the UI's queue run step by step so that the order is the same on every run.
	 */
	@Test
	void theNewWindowsRowsShowThoughAReadOfTheOldOneEndedDuringTheReload() throws Exception {
		long total = stored();
		waitForTheCount(total);
		int row = 5_000;
		part.rows().scrollTo(row);
		waitFor(display, "row " + row, () -> part.rows().top() == row && rowsShown());
		long inView = shownAt(0).id();
		workerIdle();
		drainUi();
		InboxWindow old = window();

		CountDownLatch gate = holdWorker();
		part.reload(); // the store changed: a new window, at the same row
		old.show(15_000, 15_010); // a page the old window does not hold, read after the new window opened
		gate.countDown();
		workerIdle(); // the new window is open and counted; the old one has read its page
		CountDownLatch second = holdWorker();
		while (window() == old) {
			// the new window's show is in the UI's queue, the old window's refresh after it: run up to the show
			assertTrue(display.readAndDispatch(), "the new window's show is queued");
		}
		// (whether the new window's page is still unread here depends on what the worker had queued
		// before the hold: not asserted, a CI run once found it read already)
		second.countDown();
		workerIdle(); // the new window's page is read while the old window's refresh still waits
		waitFor(display, "the new window's rows", () -> part.rows().top() == row && rowsShown() && shownAt(0).id() == inView);
	}

	/**
	 * An unread urgent message is held on top of the whole inbox, above a newer one, and only there (the
	 * pages below leave it out: the rows are the messages, the last row the oldest); an urgent arrival
	 * joins it; once read, the next arrival puts them in their places by time.
	 */
	@Test
	void unreadUrgentMessagesAreOnTopOfTheWholeInboxAndOnlyThere() throws Exception {
		long total = stored();
		waitForTheCount(total);
		List<Long> added = new ArrayList<>();
		try {
			long urgent = accepted(message("BOSS", "127.0.0.8", "Evacuate the 3rd floor", Instant.now(), org.herald.api.MessageFlag.URGENT));
			added.add(urgent);
			long newer = accepted(message("CAROL", "127.0.0.9", "Lunch?", Instant.now()));
			added.add(newer);
			part.reload(); // a new window, whose first page leaves the urgent message out
			waitFor(display, "the urgent message on top", () -> window() != null && window().counted() && window().size() == total + 2
					&& rowsShown() && shownAt(0).id() == urgent && shownAt(1).id() == newer);
			assertEquals(display.getSystemColor(SWT.COLOR_DARK_RED), part.table().getItem(0).getForeground());
			long oldest = inbox.ids(InboxPart.View.INBOX.query(""))[(int) total + 1];
			Screenshots.take(shell, "inbox-window-urgent-on-top.png");
			// scrolled, not moved with the keys: those select, and selecting a message reads it
			part.rows().scrollTo((int) total + 2);
			waitFor(display, "the oldest message in the last row", () -> part.rows().top() + part.table().getItemCount() == total + 2 && rowsShown()
					&& shownAt(part.table().getItemCount() - 1).id() == oldest);

			part.rows().scrollTo(0);
			long second = accepted(message("BOSS", "127.0.0.8", "All clear", Instant.now(), org.herald.api.MessageFlag.URGENT));
			added.add(second);
			waitFor(display, "the urgent arrival on top", () -> window().size() == total + 3 && part.rows().top() == 0 && rowsShown()
					&& shownAt(0).id() == second && shownAt(1).id() == urgent && shownAt(2).id() == newer);

			inbox.markRead(List.of(urgent, second), true);
			waitFor(display, "read, still on top", () -> rowsShown() && shownAt(0).id() == second && !bold(part.table().getItem(0))
					&& shownAt(1).id() == urgent && !bold(part.table().getItem(1)));
			long latest = accepted(message("DAVE", "127.0.0.10", "Meeting moved", Instant.now()));
			added.add(latest);
			waitFor(display, "the read urgent messages in their places", () -> window().size() == total + 4 && rowsShown()
					&& shownAt(0).id() == latest && shownAt(1).id() == second && shownAt(2).id() == newer && shownAt(3).id() == urgent);
		} finally {
			inbox.delete(added);
		}
		waitFor(display, "the inbox as it was", () -> window() != null && window().counted() && window().size() == total && rowsShown());
	}

	private static long accepted(org.herald.api.ReceivedMessage m) throws IOException {
		return inbox.accept(m).stored().orElseThrow().id();
	}

	private static boolean read(long id) {
		try {
			Optional<StoredMessage> m = inbox.get(id);
			return m.isPresent() && m.get().read();
		} catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}
}
