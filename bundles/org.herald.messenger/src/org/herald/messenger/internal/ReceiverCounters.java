/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.internal;

import java.util.concurrent.atomic.LongAdder;

import org.herald.messenger.ReceiverStats;

/** The live counters behind {@link ReceiverStats}; shared by the receivers' threads. */
public final class ReceiverCounters {

	final LongAdder stored = new LongAdder();
	final LongAdder sinkFailures = new LongAdder();
	final LongAdder refusedByPolicy = new LongAdder();
	final LongAdder malformed = new LongAdder();
	final LongAdder refusedSessions = new LongAdder();
	final LongAdder rejectedCommands = new LongAdder();
	final LongAdder ignoredDatagrams = new LongAdder();
	final LongAdder connections = new LongAdder();
	final LongAdder droppedConnections = new LongAdder();
	final LongAdder limitedConnections = new LongAdder();
	final LongAdder idleTimeouts = new LongAdder();

	public ReceiverStats snapshot() {
		return new ReceiverStats(stored.sum(), sinkFailures.sum(), refusedByPolicy.sum(), malformed.sum(), refusedSessions.sum(),
				rejectedCommands.sum(), ignoredDatagrams.sum(), connections.sum(), droppedConnections.sum(), limitedConnections.sum(),
				idleTimeouts.sum());
	}
}
