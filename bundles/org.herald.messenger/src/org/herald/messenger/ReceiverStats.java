/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger;

/**
 * Counters of the receivers since they started.
 *
 * @param stored             messages handed to the sink and acknowledged
 * @param sinkFailures       messages the sink could not store (answered with an SMB error)
 * @param refusedByPolicy    messages the spam policy turned away (flood limit, block list): answered
 *                           with an SMB error naming the reason on the session path; counted only for
 *                           mailslot datagrams, which have no answer
 * @param malformed          packets that did not parse (dropped, counted)
 * @param refusedSessions    session requests for a name not held (negative response 0x82)
 * @param rejectedCommands   SMB commands other than the Messenger's (answered with an error)
 * @param ignoredDatagrams   datagrams not for this host or not for \MAILSLOT\MESSNGR
 * @param connections        TCP connections accepted
 * @param droppedConnections connections closed at once because the limit of sessions in all was reached
 * @param limitedConnections connections closed at once because their source address had its limit of sessions open
 * @param idleTimeouts       sessions closed because they were silent, or a packet did not arrive whole, within the idle timeout
 */
public record ReceiverStats(long stored, long sinkFailures, long refusedByPolicy, long malformed, long refusedSessions, long rejectedCommands,
		long ignoredDatagrams, long connections, long droppedConnections, long limitedConnections, long idleTimeouts) {
}
