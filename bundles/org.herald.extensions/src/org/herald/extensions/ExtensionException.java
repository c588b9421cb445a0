/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.extensions;

/** An extension could not be listed, installed, updated or removed; the message says why, for the user. */
public final class ExtensionException extends Exception {

	private static final long serialVersionUID = 1L;

	public ExtensionException(String message) {
		super(message);
	}

	public ExtensionException(String message, Throwable cause) {
		super(message, cause);
	}
}
