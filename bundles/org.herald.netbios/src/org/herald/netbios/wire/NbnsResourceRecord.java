/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.netbios.wire;

import org.herald.api.NetbiosName;

/**
 * A resource record (RFC 1002 section 4.2.1.3): RR_NAME, RR_TYPE, RR_CLASS, TTL (unsigned 32-bit
 * seconds) and the RDATA, decoded by type.
 */
public record NbnsResourceRecord(EncodedName name, int type, int recordClass, long ttl, RData data) {

	public NbnsResourceRecord {
		if (ttl < 0 || ttl > 0xFFFF_FFFFL) {
			throw new IllegalArgumentException("TTL out of the unsigned 32-bit range: " + ttl);
		}
	}

	public NbnsResourceRecord(NetbiosName name, int type, long ttl, RData data) {
		this(new EncodedName(name), type, NbnsPacket.CLASS_IN, ttl, data);
	}

	public NetbiosName netbiosName() {
		return name.name();
	}
}
