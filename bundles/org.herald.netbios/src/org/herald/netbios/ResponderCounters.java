/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.netbios;

/**
 * Counters of the name responder since it started.
 *
 * @param received  packets received on all its sockets
 * @param answered  answers sent (name queries and node status, positive or negative)
 * @param malformed packets dropped as malformed
 * @param defended  registrations of others refused because Herald holds the name
 */
public record ResponderCounters(long received, long answered, long malformed, long defended) {
}
