/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.ui.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

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

	private final Inbox inbox;
	private final InboxQuery query;
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
	/** Messages stored after the window opened, newest first: the first rows. */
	private final List<StoredMessage> arrivals = new ArrayList<>();
	private final Map<Integer, List<StoredMessage>> pages = new LinkedHashMap<>(64, 0.75f, true);
	private final Set<Integer> loading = new HashSet<>();
	/** Base pages the view wants now: loads of other pages are skipped. */
	private int wantedFrom;
	private int wantedTo;
	private volatile boolean closed;
	private boolean failed;

	private InboxWindow(Inbox inbox, InboxQuery query, Executor worker, Consumer<InboxWindow> changed, InboxTrace trace) {
		this.inbox = inbox;
		this.query = query.withFirstPage().withLimit(PAGE);
		this.worker = worker;
		this.changed = changed;
		this.trace = trace;
	}

	/**
	 * Opens a window on the rows of {@code query}: the first page now (the caller's thread, one keyset
	 * query), then the count and the index of cursors on {@code worker}.
	 */
	public static InboxWindow open(Inbox inbox, InboxQuery query, Executor worker, Consumer<InboxWindow> changed, InboxTrace trace)
			throws IOException {
		InboxWindow w = new InboxWindow(inbox, query, worker, changed, trace);
		long t0 = System.nanoTime();
		InboxPage first = inbox.page(w.query);
		trace.log("first page %d rows in %d ms", first.messages().size(), ms(t0));
		synchronized (w) {
			w.ceiling = first.messages().isEmpty() ? 0 : first.messages().get(0).id();
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
		return (int) Math.min(Integer.MAX_VALUE, arrivals.size() + base);
	}

	/** True once {@link #size} is a count, not a lower bound. */
	public synchronized boolean counted() {
		return baseCount >= 0;
	}

	/** True if a read of the store failed (the view says so; the rows already read stay). */
	public synchronized boolean failed() {
		return failed;
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
		if (row < arrivals.size()) {
			return arrivals.get(row);
		}
		long base = row - arrivals.size();
		List<StoredMessage> page = pages.get((int) (base / PAGE));
		int i = (int) (base % PAGE);
		return page != null && i < page.size() ? page.get(i) : null;
	}

	/** The row of the message with {@code id} if its page is held, else -1. */
	public synchronized int rowOf(long id) {
		for (int i = 0; i < arrivals.size(); i++) {
			if (arrivals.get(i).id() == id) {
				return i;
			}
		}
		for (Map.Entry<Integer, List<StoredMessage>> e : pages.entrySet()) {
			List<StoredMessage> page = e.getValue();
			for (int i = 0; i < page.size(); i++) {
				if (page.get(i).id() == id) {
					return arrivals.size() + e.getKey() * PAGE + i;
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
			int a = arrivals.size();
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
			InboxPage page = inbox.page(query.withBefore(cursor));
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
					baseCount = Math.max(0, n - arrivals.size());
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
			long[] ids = inbox.ids(query);
			int skip = 0;
			long top;
			synchronized (this) {
				top = ceiling;
			}
			while (skip < ids.length && ids[skip] > top) {
				skip++; // stored after the window opened: they come as arrivals
			}
			int n = ids.length - skip;
			long[] index = new long[n / PAGE + 1];
			index[0] = top + 1;
			for (int k = 1; k < index.length; k++) {
				index[k] = ids[skip + k * PAGE - 1];
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
	 * they become the first rows. Runs on the caller's thread. Returns how many came, or -1 when there are
	 * more than {@value #MAX_ARRIVALS} (the view should open a new window).
	 */
	public int refreshArrivals() throws IOException {
		long newest;
		synchronized (this) {
			newest = arrivals.isEmpty() ? ceiling : arrivals.get(0).id();
		}
		List<StoredMessage> fresh = new ArrayList<>();
		InboxQuery q = query;
		while (true) {
			InboxPage page = inbox.page(q);
			for (StoredMessage m : page.messages()) {
				if (m.id() <= newest) {
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

	private synchronized int prepend(List<StoredMessage> fresh) {
		arrivals.addAll(0, fresh);
		return fresh.size();
	}

	/** Replaces held messages by their new state (read marks); returns true if any was held. */
	public synchronized boolean update(List<StoredMessage> fresh) {
		boolean any = false;
		for (StoredMessage m : fresh) {
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
