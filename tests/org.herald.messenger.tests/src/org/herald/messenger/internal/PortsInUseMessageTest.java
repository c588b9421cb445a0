/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** What a receiver says when its ports are taken: on Windows that the system holds them. */
class PortsInUseMessageTest {

	private static final String BIND = "cannot listen on TCP 192.0.2.1:139 (Address already in use; is smbd or another Herald using it?)";

	@Test
	void onWindowsItSaysTheSystemHoldsThePortsAndHeraldStillSends() {
		assertEquals(BIND + ". On Windows the system holds TCP 139/445 and UDP 137/138 unless NetBIOS over TCP/IP and the Server"
				+ " service are turned off: Herald still sends from this computer but cannot receive here.",
				MessengerService.portsInUse(BIND, "Windows 11"));
	}

	@Test
	void elsewhereItNamesAnotherHeraldOrSamba() {
		assertEquals(BIND + ". Another Herald (the workbench or 'herald listen') or a Samba server may be receiving there; it keeps"
				+ " the inbox up to date and this one can still read it.", MessengerService.portsInUse(BIND, "Linux"));
	}
}
