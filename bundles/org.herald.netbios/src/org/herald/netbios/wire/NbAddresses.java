/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.netbios.wire;

import java.util.List;

/** RDATA of an NB record: zero or more 6-byte flag + address entries (RFC 1002 section 4.2.2). */
public record NbAddresses(List<NbAddress> entries) implements RData {

	public static final int ENTRY_LENGTH = 6;

	public NbAddresses {
		entries = List.copyOf(entries);
	}

	public static NbAddresses of(NbAddress... entries) {
		return new NbAddresses(List.of(entries));
	}

	@Override
	public int length() {
		return entries.size() * ENTRY_LENGTH;
	}
}
