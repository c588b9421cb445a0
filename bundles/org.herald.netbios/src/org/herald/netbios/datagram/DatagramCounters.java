/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.netbios.datagram;

/**
 * What a datagram service has received.
 *
 * @param received         UDP datagrams read from its sockets
 * @param delivered        datagrams handed to at least one subscriber
 * @param malformed        dropped: not NBDS, or user data that is no SMB transaction, or a fragment
 *                         that contradicts its set
 * @param undelivered      whole and well-formed, but no subscriber asked for its mailslot (or no data datagram)
 * @param fragments        fragments received
 * @param reassembled      datagrams put together from fragments
 * @param expired          incomplete fragment sets dropped after the timeout
 * @param evicted          incomplete fragment sets dropped to keep within the memory bound
 * @param handlerFailures  exceptions thrown by subscribers' handlers
 */
public record DatagramCounters(long received, long delivered, long malformed, long undelivered, long fragments, long reassembled,
		long expired, long evicted, long handlerFailures) {
}
