/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.browser.exposure;

import java.util.Optional;

/**
 * A local socket on one of the exposure ports, from /proc/net.
 *
 * @param protocol  tcp, udp, tcp6 or udp6
 * @param address   the bound address as text ({@code 0.0.0.0}, {@code ::}, an interface address)
 * @param port      the port
 * @param inode     the socket's inode
 * @param process   the owning process ({@code pid command}), if it could be read
 * @param herald    whether it belongs to this Herald process
 * @param reach     from where it can be reached, in words
 * @param warning   a warning for sockets bound to every interface
 */
public record LocalSocket(String protocol, String address, int port, long inode, Optional<String> process, boolean herald, String reach,
		Optional<String> warning) {
}
