/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
/** NetBIOS wire codecs (RFC 1001/1002): pure functions over bytes, records for values, no I/O. */
package org.herald.netbios.wire;
