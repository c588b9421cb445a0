/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.netbios.wire;

/**
 * RDATA of a WAIT FOR ACKNOWLEDGEMENT response (RFC 1002 section 4.2.16): the 16 flag bits of the
 * request's header (opcode and NM_FLAGS), so the requester can match it.
 */
public record WackData(int requestFlags) implements RData {

	public WackData {
		if (requestFlags < 0 || requestFlags > 0xFFFF) {
			throw new IllegalArgumentException("flags out of 16-bit range: " + requestFlags);
		}
	}

	@Override
	public int length() {
		return 2;
	}
}
