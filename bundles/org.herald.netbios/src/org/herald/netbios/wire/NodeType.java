/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.netbios.wire;

/**
 * The owner node type (ONT) of a name, bits 13-14 of NB_FLAGS and NAME_FLAGS (RFC 1002 section
 * 4.2.1.3). RFC 1001 defines B, P and M; Microsoft networks use the reserved value 3 for H (hybrid).
 */
public enum NodeType {
	/** Broadcast node. */
	B,
	/** Point-to-point node: asks the name server only. */
	P,
	/** Mixed node: broadcast first, then the name server. */
	M,
	/** Hybrid node: the name server first, then broadcast (Microsoft). */
	H;

	/** The two-bit code on the wire. */
	public int code() {
		return ordinal();
	}

	public static NodeType ofCode(int code) {
		return values()[code & 3];
	}
}
