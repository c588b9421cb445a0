/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
/**
 * Browser protocol frames (MS-BRWS 2.2) in mailslot datagrams, NetServerEnum2 (MS-RAP 2.5.5.2) and
 * the SMB1 messages of an anonymous RAP exchange. Pure functions over bytes.
 */
@org.osgi.annotation.bundle.Export(attribute = "x-internal:=true")
@org.osgi.annotation.versioning.Version("0.1.0")
package org.herald.browser.wire;
