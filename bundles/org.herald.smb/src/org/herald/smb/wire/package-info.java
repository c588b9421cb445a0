/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
/**
 * SMB1 wire codecs (MS-CIFS, MS-SMB, MS-MSRP, MS-MAIL): the header and packets, errors, negotiate,
 * transactions and mailslot writes, the Messenger's message commands. Pure functions over bytes,
 * records for values, no I/O; bad input raises {@code MalformedPacketException}.
 */
@org.osgi.annotation.bundle.Export(attribute = "x-friends:=\"org.herald.messenger,org.herald.browser\"")
@org.osgi.annotation.versioning.Version("0.1.0")
package org.herald.smb.wire;
