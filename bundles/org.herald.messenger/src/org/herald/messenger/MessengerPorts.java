/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger;

/**
 * The ports of the Messenger paths. Tests and unprivileged runs use others; 0 disables a receiver
 * socket (a sender then skips that port).
 *
 * @param session  NetBIOS session service, TCP 139
 * @param direct   direct hosting, TCP 445
 * @param datagram NetBIOS datagram service, UDP 138
 */
public record MessengerPorts(int session, int direct, int datagram) {

	public static final MessengerPorts STANDARD = new MessengerPorts(139, 445, 138);

	public MessengerPorts {
		for (int p : new int[] { session, direct, datagram }) {
			if (p < 0 || p > 0xFFFF) {
				throw new IllegalArgumentException("port out of range: " + p);
			}
		}
	}
}
