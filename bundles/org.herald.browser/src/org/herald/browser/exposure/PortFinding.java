/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.browser.exposure;

/**
 * One port of one host.
 *
 * @param evidence what the probe saw, in words ("connection accepted", "ICMP port unreachable", ...)
 */
public record PortFinding(Port port, PortState state, String evidence) {
}
