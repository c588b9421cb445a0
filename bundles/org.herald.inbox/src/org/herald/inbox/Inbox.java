/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.inbox;

import java.io.IOException;
import java.io.Writer;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.herald.api.MessageSink;
import org.herald.api.StoredMessage;

/**
 * The durable inbox of one workspace. As a {@link MessageSink} it applies the spam policy to each
 * arriving message and commits the outcome before {@link #accept} returns. Several processes may open
 * the inbox of one workspace at the same time (the workbench and a headless {@code herald listen});
 * all of them see the same messages, policy and counters.
 *
 * <p>Implementations are thread safe.
 */
@org.osgi.annotation.versioning.ProviderType
public interface Inbox extends MessageSink, AutoCloseable {

	/** One page of messages matching {@code query}, newest first. */
	InboxPage page(InboxQuery query) throws IOException;

	/** How many messages match {@code query} (its cursor and limit are ignored). */
	long count(InboxQuery query) throws IOException;

	Optional<StoredMessage> get(long id) throws IOException;

	/**
	 * The ids of every message matching {@code query}, newest first (its cursor and limit are ignored):
	 * a view over a very large inbox maps row numbers to ids with it and fetches rows by id.
	 */
	long[] ids(InboxQuery query) throws IOException;

	/** The messages with these ids, in the order given; ids no longer stored are left out. */
	List<StoredMessage> get(long[] ids) throws IOException;

	/** Marks messages read or unread; returns how many changed. */
	int markRead(Collection<Long> ids, boolean read) throws IOException;

	/** Deletes messages; returns how many were deleted. */
	int delete(Collection<Long> ids) throws IOException;

	/** Writes every message matching {@code query} (newest first, limit ignored); returns how many. */
	long export(InboxQuery query, ExportFormat format, Writer out) throws IOException;

	/** The spam policy, as persisted in the store (shared by every process using this workspace). */
	SpamPolicy policy() throws IOException;

	/** Replaces the policy's settings (not its rules). */
	void updateSettings(SpamSettings settings) throws IOException;

	/**
	 * Adds a rule; a sender pattern is in at most one list, so adding it to one list removes it from
	 * the others. Returns false if the rule was already there.
	 */
	boolean addRule(SpamRule rule) throws IOException;

	/** Removes {@code pattern} from every list; returns false if it was in none. */
	boolean removeRule(SenderPattern pattern) throws IOException;

	/** The spam defence counters, durable and shared. */
	SpamCounters counters() throws IOException;

	void addListener(InboxListener listener);

	void removeListener(InboxListener listener);

	@Override
	void close() throws IOException;
}
