/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.peer;

import java.io.IOException;

/**
 * A key or pin file Herald refuses to use: unreadable content, or permissions that let others read
 * a secret. The message says which file and what to do; Herald changes nothing in that file.
 */
public class PeerStoreException extends IOException {
	private static final long serialVersionUID = 1L;

	public PeerStoreException(String message) {
		super(message);
	}
}
