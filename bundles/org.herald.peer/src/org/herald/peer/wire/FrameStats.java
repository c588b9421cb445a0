/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.peer.wire;

/** What a receiver did with the frames it was given: accepted ones and rejected ones by reason. */
public record FrameStats(long accepted, long truncated, long oversized, long malformed, long tampered, long replayed, long reordered) {

	public long rejected() {
		return truncated + oversized + malformed + tampered + replayed + reordered;
	}

	public long count(FrameException.Reason reason) {
		return switch (reason) {
		case TRUNCATED -> truncated;
		case OVERSIZED -> oversized;
		case MALFORMED -> malformed;
		case TAMPERED -> tampered;
		case REPLAYED -> replayed;
		case REORDERED -> reordered;
		};
	}
}
