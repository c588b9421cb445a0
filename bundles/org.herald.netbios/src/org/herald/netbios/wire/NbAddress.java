/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.netbios.wire;

import java.net.Inet4Address;

/**
 * One NB_FLAGS + NB_ADDRESS entry of an NB record (RFC 1002 section 4.2.2): whether the name is a
 * group name, the owner's node type, and the address.
 */
public record NbAddress(boolean group, NodeType nodeType, Inet4Address address) {

	static final int GROUP_BIT = 0x8000;

	/** NB_FLAGS as on the wire: G in bit 15, ONT in bits 13-14, the rest reserved (0). */
	public int flags() {
		return (group ? GROUP_BIT : 0) | nodeType.code() << 13;
	}

	public static NbAddress of(int flags, Inet4Address address) {
		return new NbAddress((flags & GROUP_BIT) != 0, NodeType.ofCode(flags >> 13), address);
	}
}
