/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.ui.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import org.herald.api.MessageFlag;
import org.herald.api.StoredMessage;
import org.herald.inbox.Inbox;
import org.herald.inbox.InboxPage;
import org.herald.inbox.InboxQuery;

/**
 * The rows of one inbox query, read a page at a time as the table shows them, for an inbox of any size.
 * Row numbers count from the newest message. Pages are keyset pages of the store ({@code id < cursor},
 * newest first): page {@code k} starts below the last id of page {@code k - 1}. The cursors of pages next
 * to a loaded one are known at once; for a jump far down (the end, the middle) the window reads every
 * matching id once in the background and keeps one cursor per page (80 KB for a million messages). At
 * most {@value #PAGES_KEPT} pages are kept.
 *
 * <p>The window is a snapshot below its ceiling (the newest id when it was opened); messages stored later
 * come on top as arrivals ({@link #refreshArrivals}) without reading the rest again. A deletion changes
 * the rows under the cursors: the view opens a new window then.
 *
 * <p>A window may hold the unread urgent messages on top: the newest {@value #PINNED} of them when it
 * opens (and urgent arrivals), before every other row; the base pages leave them out (each page read
 * with that many rows more, so that a full page remains). Once one of them is read it stays where it
 * is until the next arrival, which opens a new window, where it takes its place by time.
 *
 * <p>Store reads run on the {@code worker} given (one thread); {@code changed} is called there after each
 * read that changed what the window holds. The other methods may be called from any thread.
 */
public final class InboxWindow {

	/** Rows in one page. */
	public static final int PAGE = 100;
	/** Pages kept in memory. */
	static final int PAGES_KEPT = 40;
	/** A page this far below the nearest known cursor waits for the index instead of walking there. */
	private static final int WALK = 4;
	/** More arrivals than this and the view opens a new window. */
	static final int MAX_ARRIVALS = 2_000;
	/** The most unread urgent messages held on top when a window opens. */
	public static final int PINNED = 100;

	private final Inbox inbox;
	private final InboxQuery query;
	/** The unread urgent messages of the query, or null if they are not held on top. */
	private final InboxQuery pinQuery;
	private final Executor worker;
	private final Consumer<InboxWindow> changed;
	private final InboxTrace trace;

	/** Base rows are those with an id up to this: the newest matching id when the window opened. */
	private long ceiling;
	/** Rows below the ceiling; -1 until counted. */
	private long baseCount = -1;
	/** True once the index of cursors is read: the count is then exact. */
	private boolean indexed;
	/** cursor[k]: the exclusive upper id bound of base page k; 0 where not known. */
	private final Map<Integer, Long> learned = new HashMap<>();
	private long[] cursors;
	/** The unread urgent messages held on top, newest first: the first rows. */
	private final List<StoredMessage> pinned = new ArrayList<>();
	/** The ids of those pinned when the window opened, which the base pages leave out. */
	private Set<Long> pinnedBelow = Set.of();
	/** Messages stored after the window opened, newest first: the rows after the pinned ones. */
	private final List<StoredMessage> arrivals = new ArrayList<>();
	/** The newest id looked at: the ceiling, then the newest arrival (pinned or not). */
	private long newest;
	/** Rows put on top since the window opened (arrivals, pinned or not). */
	private long prepended;
	private final Map<Integer, List<StoredMessage>> pages = new LinkedHashMap<>(64, 0.75f, true);
	private final Set<Integer> loading = new HashSet<>();
	/** Base pages the view wants now: loads of other pages are skipped. */
	private int wantedFrom;
	private int wantedTo;
	private volatile boolean closed;
	private boolean failed;

	private InboxWindow(Inbox inbox, InboxQuery query, boolean urgentOnTop, Executor worker, Consumer<InboxWindow> changed,
			InboxTrace trace) {
		this.inbox = inbox;
		this.query = query.withFirstPage().withLimit(PAGE);
		this.pinQuery = urgentOnTop ? urgentUnread(this.query).withLimit(PINNED) : null;
		this.worker = worker;
		this.changed = changed;
		this.trace = trace;
	}

	/**
	 * Opens a window on the rows of {@code query}: the first page now (the caller's thread, one keyset
	 * query, and one for the unread urgent messages with {@code urgentOnTop}), then the count and the
	 * index of cursors on {@code worker}.
	 */
	public static InboxWindow open(Inbox inbox, InboxQuery query, boolean urgentOnTop, Executor worker, Consumer<InboxWindow> changed,
			InboxTrace trace) throws IOException {
		InboxWindow w = new InboxWindow(inbox, query, urgentOnTop, worker, changed, trace);
		long t0 = System.nanoTime();
		if (w.pinQuery != null) {
			List<StoredMessage> urgent = inbox.page(w.pinQuery).messages();
			synchronized (w) {
				w.pinned.addAll(urgent);
				w.pinnedBelow = Set.copyOf(urgent.stream().map(StoredMessage::id).toList());
			}
		}
		InboxPage first = w.basePage(w.query);
		trace.log("first page %d rows in %d ms", first.messages().size(), ms(t0));
		synchronized (w) {
			long top = first.messages().isEmpty() ? 0 : first.messages().get(0).id();
			w.ceiling = w.pinned.isEmpty() ? top : Math.max(top, w.pinned.get(0).id());
			w.newest = w.ceiling;
			w.keep(0, first.messages());
			if (first.next().isEmpty()) {
				w.baseCount = first.messages().size();
				w.indexed = true;
				w.cursors = new long[] { w.ceiling + 1 };
			}
		}
		if (!w.indexed) {
			worker.execute(w::count);
			worker.execute(w::index);
		}
		return w;
	}

	private static InboxQuery urgentUnread(InboxQuery query) {
		EnumSet<MessageFlag> with = EnumSet.of(MessageFlag.URGENT);
		with.addAll(query.withFlags());
		return query.withFlags(with).withRead(InboxQuery.ReadFilter.UNREAD);
	}

	/**
	 * A page of {@code q} without the messages pinned when the window opened: read with that many rows
	 * more and cut to a page, so that it is full while there are more; its cursor is its last row's id.
	 */
	private InboxPage basePage(InboxQuery q) throws IOException {
		Set<Long> leaveOut;
		synchronized (this) {
			leaveOut = pinnedBelow;
		}
		if (leaveOut.isEmpty()) {
			return inbox.page(q);
		}
		InboxPage raw = inbox.page(q.withLimit(PAGE + leaveOut.size()));
		List<StoredMessage> rows = raw.messages().stream().filter(m -> !leaveOut.contains(m.id())).limit(PAGE).toList();
		boolean more = raw.next().isPresent() || rows.size() < raw.messages().size() - countIn(raw.messages(), leaveOut);
		return new InboxPage(rows, more && !rows.isEmpty() ? OptionalLong.of(rows.get(rows.size() - 1).id()) : OptionalLong.empty());
	}

	private static int countIn(List<StoredMessage> messages, Set<Long> ids) {
		return (int) messages.stream().filter(m -> ids.contains(m.id())).count();
	}

	private static long ms(long since) {
		return (System.nanoTime() - since) / 1_000_000;
	}

	public InboxQuery query() {
		return query;
	}

	/** Stops reading: a newer window took over. */
	public void close() {
		closed = true;
	}

	/** The rows there are, as far as known: the count once read, else the rows of the pages read so far. */
	public synchronized int size() {
		long base = baseCount >= 0 ? baseCount : knownBaseRows();
		return (int) Math.min(Integer.MAX_VALUE, onTop() + base);
	}

	/**
	 * How many rows arrived on top since the window opened: the rows below them are that much further
	 * down (a view compares it with what it saw last, whenever it looks).
	 */
	public synchronized long prepended() {
		return prepended;
	}

	/** True once {@link #size} is a count, not a lower bound. */
	public synchronized boolean counted() {
		return baseCount >= 0;
	}

	/** True if a read of the store failed (the view says so; the rows already read stay). */
	public synchronized boolean failed() {
		return failed;
	}

	/** The rows before the base rows: the pinned ones and the arrivals. */
	private int onTop() {
		return pinned.size() + arrivals.size();
	}

	private long knownBaseRows() {
		int last = pages.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
		List<StoredMessage> page = pages.get(last);
		return (long) last * PAGE + (page == null ? 0 : page.size());
	}

	/** The message of {@code row}, or null while its page is not read. */
	public synchronized StoredMessage at(int row) {
		if (row < 0) {
			return null;
		}
		if (row < pinned.size()) {
			return pinned.get(row);
		}
		if (row < onTop()) {
			return arrivals.get(row - pinned.size());
		}
		long base = row - onTop();
		List<StoredMessage> page = pages.get((int) (base / PAGE));
		int i = (int) (base % PAGE);
		return page != null && i < page.size() ? page.get(i) : null;
	}

	/** The row of the message with {@code id} if its page is held, else -1. */
	public synchronized int rowOf(long id) {
		for (int i = 0; i < pinned.size(); i++) {
			if (pinned.get(i).id() == id) {
				return i;
			}
		}
		for (int i = 0; i < arrivals.size(); i++) {
			if (arrivals.get(i).id() == id) {
				return pinned.size() + i;
			}
		}
		for (Map.Entry<Integer, List<StoredMessage>> e : pages.entrySet()) {
			List<StoredMessage> page = e.getValue();
			for (int i = 0; i < page.size(); i++) {
				if (page.get(i).id() == id) {
					return onTop() + e.getKey() * PAGE + i;
				}
			}
		}
		return -1;
	}

	/**
	 * The view shows rows {@code from} to {@code to} (inclusive): reads the pages it lacks, one after the
	 * other on the worker; pages wanted before and no longer shown are not read.
	 */
	public void show(int from, int to) {
		List<Integer> missing = new ArrayList<>();
		synchronized (this) {
			int a = onTop();
			wantedFrom = Math.max(0, from - a) / PAGE;
			wantedTo = Math.max(0, to - a) / PAGE;
			if (to < a) {
				return;
			}
			for (int k = wantedFrom; k <= wantedTo; k++) {
				if (!pages.containsKey(k) && !loading.contains(k) && (baseCount < 0 || (long) k * PAGE < baseCount)) {
					loading.add(k);
					missing.add(k);
				}
			}
		}
		for (int k : missing) {
			worker.execute(() -> load(k));
		}
	}

	private void load(int k) {
		if (closed) {
			return;
		}
		long cursor;
		synchronized (this) {
			if (k < wantedFrom - WALK - 1 || k > wantedTo + 1) {
				loading.remove(k); // scrolled past: read it when it is shown again
				return;
			}
			cursor = cursor(k);
			if (cursor == 0) {
				int near = nearestKnown(k);
				if (near < 0 || k - near > WALK) {
					loading.remove(k); // the index will have it; show() asks again then
					return;
				}
				boolean walking = false;
				for (int j = near; j < k; j++) {
					if (!pages.containsKey(j)) {
						walking = true;
						if (loading.add(j)) {
							int p = j;
							worker.execute(() -> load(p));
						}
					}
				}
				if (!walking) {
					loading.remove(k); // the pages above it are read and end early: there is no page k
					return;
				}
				int again = k;
				worker.execute(() -> load(again)); // after the pages above it
				return;
			}
		}
		try {
			long t0 = System.nanoTime();
			InboxPage page = basePage(query.withBefore(cursor));
			trace.log("page %d (rows %d-%d) read in %d ms", k, (long) k * PAGE, (long) k * PAGE + page.messages().size() - 1, ms(t0));
			synchronized (this) {
				keep(k, page.messages());
				loading.remove(k);
			}
		} catch (IOException | RuntimeException e) {
			synchronized (this) {
				loading.remove(k);
				failed = true;
			}
		}
		changed.accept(this);
	}

	/** The cursor of base page {@code k}, or 0 if not known yet. */
	private long cursor(int k) {
		if (k == 0) {
			return ceiling + 1;
		}
		if (cursors != null) {
			return k < cursors.length ? cursors[k] : 0;
		}
		return learned.getOrDefault(k, 0L);
	}

	private int nearestKnown(int k) {
		for (int j = k; j >= 0; j--) {
			if (cursor(j) != 0) {
				return j;
			}
		}
		return -1;
	}

	private void keep(int k, List<StoredMessage> messages) {
		pages.put(k, List.copyOf(messages));
		if (messages.size() == PAGE && cursors == null) {
			learned.put(k + 1, messages.get(messages.size() - 1).id());
		}
		if (pages.size() > PAGES_KEPT) {
			var eldest = pages.keySet().iterator();
			eldest.next();
			eldest.remove();
		}
	}

	private void count() {
		if (closed) {
			return;
		}
		try {
			long t0 = System.nanoTime();
			long n = inbox.count(query);
			trace.log("count %d in %d ms", n, ms(t0));
			synchronized (this) {
				if (!indexed) {
					baseCount = Math.max(0, n - onTop());
				}
			}
		} catch (IOException | RuntimeException e) {
			synchronized (this) {
				failed = true;
			}
		}
		changed.accept(this);
	}

	/** Reads every matching id once and keeps the cursor of each page; the count is exact then. */
	private void index() {
		if (closed) {
			return;
		}
		try {
			long t0 = System.nanoTime();
			long[] all = inbox.ids(query);
			long top;
			Set<Long> leaveOut;
			synchronized (this) {
				top = ceiling;
				leaveOut = pinnedBelow;
			}
			// those stored after the window opened come as arrivals; the pinned ones are on top
			long[] ids = Arrays.stream(all).filter(id -> id <= top && !leaveOut.contains(id)).toArray();
			int n = ids.length;
			long[] index = new long[n / PAGE + 1];
			index[0] = top + 1;
			for (int k = 1; k < index.length; k++) {
				index[k] = ids[k * PAGE - 1];
			}
			trace.log("ids %d in %d ms (%d page cursors)", n, ms(t0), index.length);
			synchronized (this) {
				cursors = index;
				learned.clear();
				baseCount = n;
				indexed = true;
			}
		} catch (IOException | RuntimeException e) {
			synchronized (this) {
				failed = true;
			}
		}
		changed.accept(this);
	}

	/**
	 * Reads the messages stored since the window opened (or since the last call) that match its query;
	 * they become the first rows (after the pinned ones; an unread urgent one is pinned). Runs on the
	 * caller's thread. Returns how many came, or -1 when the view should open a new window: there are
	 * more than {@value #MAX_ARRIVALS}, or a pinned message was read since and takes its place by time.
	 */
	public int refreshArrivals() throws IOException {
		long since;
		synchronized (this) {
			if (pinQuery != null && pinned.stream().anyMatch(m -> !pinnable(m))) {
				return -1;
			}
			since = newest;
		}
		List<StoredMessage> fresh = new ArrayList<>();
		InboxQuery q = query;
		while (true) {
			InboxPage page = inbox.page(q);
			for (StoredMessage m : page.messages()) {
				if (m.id() <= since) {
					return prepend(fresh);
				}
				fresh.add(m);
			}
			if (fresh.size() > MAX_ARRIVALS) {
				return -1;
			}
			if (page.next().isEmpty()) {
				return prepend(fresh);
			}
			q = q.withBefore(page.next().getAsLong());
		}
	}

	private static boolean pinnable(StoredMessage m) {
		return !m.read() && m.flags().contains(MessageFlag.URGENT);
	}

	private synchronized int prepend(List<StoredMessage> fresh) {
		if (!fresh.isEmpty()) {
			newest = Math.max(newest, fresh.get(0).id());
		}
		prepended += fresh.size();
		List<StoredMessage> urgent = pinQuery == null ? List.of() : fresh.stream().filter(InboxWindow::pinnable).toList();
		pinned.addAll(0, urgent);
		arrivals.addAll(0, urgent.isEmpty() ? fresh : fresh.stream().filter(m -> !urgent.contains(m)).toList());
		return fresh.size();
	}

	/** What the window holds, for a test's failure message. */
	@Override
	public synchronized String toString() {
		return String.format("InboxWindow[pinned=%d arrivals=%d base=%d indexed=%s failed=%s closed=%s pages=%s loading=%s wanted=%d-%d]",
				pinned.size(), arrivals.size(), baseCount, indexed, failed, closed, new java.util.TreeSet<>(pages.keySet()),
				new java.util.TreeSet<>(loading), wantedFrom, wantedTo);
	}

	/** Replaces held messages by their new state (read marks); returns true if any was held. */
	public synchronized boolean update(List<StoredMessage> fresh) {
		boolean any = false;
		for (StoredMessage m : fresh) {
			for (int i = 0; i < pinned.size(); i++) {
				if (pinned.get(i).id() == m.id()) {
					pinned.set(i, m);
					any = true;
				}
			}
			for (int i = 0; i < arrivals.size(); i++) {
				if (arrivals.get(i).id() == m.id()) {
					arrivals.set(i, m);
					any = true;
				}
			}
			for (Map.Entry<Integer, List<StoredMessage>> e : pages.entrySet()) {
				List<StoredMessage> page = e.getValue();
				for (int i = 0; i < page.size(); i++) {
					if (page.get(i).id() == m.id()) {
						List<StoredMessage> copy = new ArrayList<>(page);
						copy.set(i, m);
						e.setValue(List.copyOf(copy));
						any = true;
					}
				}
			}
		}
		return any;
	}
}
