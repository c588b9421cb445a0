/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.netbios;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import org.herald.api.Identity;
import org.herald.api.NetbiosName;

/**
 * Herald's side of the name service as a node: holds the local name table (NAME&lt;00&gt;,
 * NAME&lt;03&gt;, WORKGROUP&lt;00&gt; and run-time aliases), registers it (broadcast as a B-node,
 * with WINS as an H-node), answers name queries and node status, defends its names. Started by a
 * {@link NameResponderFactory}; runs until {@link #stop()}.
 */
@org.osgi.annotation.versioning.ProviderType
public interface NameResponder {

	/** The identity it runs for. */
	Identity identity();

	/** Completes when the initial registration of the table ended (each name active or in conflict). */
	CompletableFuture<Void> registered();

	/** Releases the active names (to WINS, or by broadcast), then closes the sockets. Idempotent. */
	void stop();

	/** True until {@link #stop()}. */
	boolean running();

	/** The table as it stands now. */
	List<NameTableEntry> names();

	/**
	 * Adds a unique name at run time, like {@code NET NAME alias /ADD} (which adds ALIAS&lt;03&gt;),
	 * and registers it.
	 *
	 * @return completes with the entry once registration ended ({@link NameState#ACTIVE} or
	 *         {@link NameState#CONFLICT})
	 */
	CompletableFuture<NameTableEntry> addAlias(NetbiosName alias);

	/** Releases and removes an alias added with {@link #addAlias}; false if there is no such alias. */
	boolean removeAlias(NetbiosName alias);

	ResponderCounters counters();

	void addListener(Consumer<NameEvent> listener);

	void removeListener(Consumer<NameEvent> listener);
}
