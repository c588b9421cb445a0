/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
/**
 * The implementation of {@link org.herald.netbios.datagram.DatagramService}: {@link
 * org.herald.netbios.datagram.internal.SharedDatagramService}, the DS component that owns UDP 138 in
 * the process. Others take the service; exported only so that the tests of the bundles sharing the
 * port (their fragments attach to the friends) can run a private instance on loopback addresses.
 */
@org.osgi.annotation.bundle.Export(attribute = "x-friends:=\"org.herald.browser,org.herald.messenger\"")
@org.osgi.annotation.versioning.Version("0.1.0")
package org.herald.netbios.datagram.internal;
