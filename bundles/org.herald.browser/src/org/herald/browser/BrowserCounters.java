/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.browser;

/**
 * Counters of a host browser's datagram listener.
 *
 * @param received      datagrams received on UDP 138
 * @param browserFrames of which browser frames
 * @param malformed     dropped as malformed
 * @param announcementsSent HostAnnouncements Herald sent
 */
public record BrowserCounters(long received, long browserFrames, long malformed, long announcementsSent) {
}
