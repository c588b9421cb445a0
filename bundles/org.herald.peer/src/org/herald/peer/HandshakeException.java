/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.peer;

/**
 * A handshake that failed: a message that does not decrypt (a wrong key, another prologue, an
 * altered message) or does not follow the pattern. The session is over; start a new one.
 */
public class HandshakeException extends Exception {
	private static final long serialVersionUID = 1L;

	public HandshakeException(String message, Throwable cause) {
		super(message, cause);
	}

	public HandshakeException(String message) {
		super(message);
	}
}
