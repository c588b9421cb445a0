/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.netbios.wire;

/** Thrown by the codecs for input that does not follow the wire format. Listeners count and drop it. */
public class MalformedPacketException extends Exception {
	private static final long serialVersionUID = 1L;

	public MalformedPacketException(String message) {
		super(message);
	}
}
