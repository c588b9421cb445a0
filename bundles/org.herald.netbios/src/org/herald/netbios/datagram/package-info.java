/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
/**
 * The NetBIOS datagram service of the process (RFC 1002 4.4, UDP 138): {@link
 * org.herald.netbios.datagram.DatagramService} owns the port's sockets on the configured
 * interfaces, reassembles fragmented datagrams ({@link org.herald.netbios.datagram.FragmentReassembly})
 * and dispatches each datagram by the mailslot it is written to, so that the Messenger and the
 * browser share the port inside one process.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package org.herald.netbios.datagram;
