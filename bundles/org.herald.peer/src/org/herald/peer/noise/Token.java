/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.peer.noise;

/** The tokens of a message pattern (spec section 7.1); no PSK tokens in Herald's patterns. */
public enum Token {
	E, S, EE, ES, SE, SS
}
