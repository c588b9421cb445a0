/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
/**
 * Browser protocol frames (MS-BRWS 2.2) in mailslot datagrams, NetServerEnum2 (MS-RAP 2.5.5.2) and
 * the SMB1 messages of an anonymous RAP exchange. Pure functions over bytes.
 */
package org.herald.browser.wire;
