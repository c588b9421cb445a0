/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.browser.exposure;

/**
 * One way to close an exposure.
 *
 * @param port     the port it concerns, or null for a remedy of the whole host
 * @param action   what to do, in words
 * @param iptables the Linux iptables rule, or ""
 * @param nftables the Linux nftables rule, or ""
 * @param netsh    the Windows {@code netsh advfirewall} rule, or ""
 */
public record Remedy(Port port, String action, String iptables, String nftables, String netsh) {
}
