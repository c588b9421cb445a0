/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.ui.internal;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.herald.api.StoredMessage;
import org.herald.inbox.Inbox;
import org.herald.inbox.InboxPage;
import org.herald.api.MessageFlag;
import org.herald.inbox.InboxQuery;

/**
 * The rows of the inbox table for one query: every matching id (newest first), and the messages of
 * the blocks of rows that were shown lately. A table of a million rows asks for a row by its number;
 * the ids make that a fetch of one block by id, at any depth. Not thread safe: the table's thread
 * reads it, and loads run under its lock.
 */
public final class InboxRows {

	/** Rows fetched together when one is missing. */
	public static final int BLOCK = 100;
	/** How many messages the cache keeps. */
	static final int CACHE = 5_000;

	private final long[] ids;
	/** False for the rows of a first page, shown while every id is still being read. */
	private final boolean complete;
	/** First rows of the blocks being loaded: the table asks for each row of a block, one load serves them all. */
	private final Set<Integer> loading = new HashSet<>();
	private final Map<Long, StoredMessage> cache = new LinkedHashMap<>(256, 0.75f, true) {
		private static final long serialVersionUID = 1L;

		@Override
		protected boolean removeEldestEntry(Map.Entry<Long, StoredMessage> eldest) {
			return size() > CACHE;
		}
	};

	private InboxRows(long[] ids, boolean complete) {
		this.ids = ids;
		this.complete = complete;
	}

	/** Reads the ids of every message matching {@code query}. */
	public static InboxRows of(Inbox inbox, InboxQuery query) throws IOException {
		return new InboxRows(inbox.ids(query), true);
	}

	/**
	 * The first {@link #BLOCK} rows of {@code query}, read as one keyset page (milliseconds at any size):
	 * shown while {@link #of} reads every id, which takes seconds at a million messages. Complete if
	 * the query has no more rows.
	 */
	public static InboxRows firstPage(Inbox inbox, InboxQuery query) throws IOException {
		InboxPage page = inbox.page(query.withFirstPage().withLimit(BLOCK));
		InboxRows rows = new InboxRows(page.messages().stream().mapToLong(StoredMessage::id).toArray(), page.next().isEmpty());
		for (StoredMessage m : page.messages()) {
			rows.cache.put(m.id(), m);
		}
		return rows;
	}

	/** The most urgent messages held on top. */
	public static final int PINNED = 100;

	/**
	 * Like {@link #firstPage}, with the unread urgent messages of {@code query} (the newest
	 * {@link #PINNED}) on top, before the others; once read, an urgent message takes its place by time.
	 */
	public static InboxRows firstPageUrgentOnTop(Inbox inbox, InboxQuery query) throws IOException {
		InboxRows pinned = firstPage(inbox, urgentUnread(query).withLimit(PINNED));
		return pinned.size() == 0 ? firstPage(inbox, query) : pinned.then(firstPage(inbox, query));
	}

	/** Like {@link #of}, with the unread urgent messages on top (see {@link #firstPageUrgentOnTop}). */
	public static InboxRows ofUrgentOnTop(Inbox inbox, InboxQuery query) throws IOException {
		InboxRows pinned = firstPage(inbox, urgentUnread(query).withLimit(PINNED));
		return pinned.size() == 0 ? of(inbox, query) : pinned.then(of(inbox, query));
	}

	private static InboxQuery urgentUnread(InboxQuery query) {
		java.util.EnumSet<MessageFlag> with = java.util.EnumSet.of(MessageFlag.URGENT);
		with.addAll(query.withFlags());
		return query.withFlags(with).withRead(InboxQuery.ReadFilter.UNREAD);
	}

	/** These rows, then those of {@code rest} that are not among them; complete when {@code rest} is. */
	private InboxRows then(InboxRows rest) {
		Set<Long> mine = new HashSet<>();
		for (long id : ids) {
			mine.add(id);
		}
		long[] all = java.util.stream.LongStream.concat(Arrays.stream(ids), Arrays.stream(rest.ids).filter(id -> !mine.contains(id))).toArray();
		InboxRows joined = new InboxRows(all, rest.complete);
		joined.adopt(this);
		joined.adopt(rest);
		return joined;
	}

	/** False while these are only the first rows of a larger result. */
	public boolean complete() {
		return complete;
	}

	/** Takes over the messages {@code earlier} has loaded, so rows already shown need no second fetch. */
	public void adopt(InboxRows earlier) {
		Map<Long, StoredMessage> loaded;
		synchronized (earlier) {
			loaded = new LinkedHashMap<>(earlier.cache);
		}
		synchronized (this) {
			cache.putAll(loaded);
		}
	}

	public int size() {
		return ids.length;
	}

	public long idAt(int row) {
		return ids[row];
	}

	/** The row of a message id, or -1. */
	public int rowOf(long id) {
		for (int i = 0; i < ids.length; i++) {
			if (ids[i] == id) {
				return i;
			}
		}
		return -1;
	}

	/** The message of {@code row} if it is loaded, else null. */
	public synchronized StoredMessage cached(int row) {
		return cache.get(ids[row]);
	}

	/** The first row of the block that holds {@code row}. */
	public static int blockStart(int row) {
		return row - row % BLOCK;
	}

	/**
	 * Claims the block of {@code row} for loading: true if the caller should {@link #load} it, false if
	 * it is loaded or being loaded already.
	 */
	public synchronized boolean claim(int row) {
		return cache.get(ids[row]) == null && loading.add(blockStart(row));
	}

	/** Loads the block of rows that holds {@code row}; returns its first row and how many it has. */
	public int[] load(Inbox inbox, int row) throws IOException {
		int from = blockStart(row);
		int to = Math.min(ids.length, from + BLOCK);
		try {
			List<StoredMessage> messages = inbox.get(Arrays.copyOfRange(ids, from, to));
			synchronized (this) {
				for (StoredMessage m : messages) {
					cache.put(m.id(), m);
				}
			}
		} finally {
			synchronized (this) {
				loading.remove(from);
			}
		}
		return new int[] { from, to - from };
	}

	/** Replaces a cached message after it changed (read state). */
	public synchronized void update(StoredMessage message) {
		if (cache.containsKey(message.id())) {
			cache.put(message.id(), message);
		}
	}
}
