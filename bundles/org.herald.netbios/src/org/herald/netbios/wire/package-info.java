/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
/** NetBIOS wire codecs (RFC 1001/1002): pure functions over bytes, records for values, no I/O. */
@org.osgi.annotation.bundle.Export(attribute = "x-friends:=\"org.herald.smb,org.herald.messenger,org.herald.browser\"")
@org.osgi.annotation.versioning.Version("0.1.0")
package org.herald.netbios.wire;
