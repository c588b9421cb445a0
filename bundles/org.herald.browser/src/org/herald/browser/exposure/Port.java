/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.browser.exposure;

/** The ports through which the Messenger and NetBIOS were reachable, and what each serves. */
public enum Port {
	RPC_135(135, "tcp", "DCE/RPC endpoint mapper (Windows Messenger over RPC, remote administration)"),
	NBNS_137(137, "udp", "NetBIOS name service: names, logged-on users, MAC address"),
	NBDGM_138(138, "udp", "NetBIOS datagram service: mailslot pop-ups (WinPopup), browser announcements"),
	NBSS_139(139, "tcp", "NetBIOS session service: NET SEND pop-ups, SMB file sharing"),
	SMB_445(445, "tcp", "SMB direct hosting: NET SEND pop-ups, file sharing");

	private final int number;
	private final String protocol;
	private final String serves;

	Port(int number, String protocol, String serves) {
		this.number = number;
		this.protocol = protocol;
		this.serves = serves;
	}

	public int number() {
		return number;
	}

	public String protocol() {
		return protocol;
	}

	public String serves() {
		return serves;
	}

	public boolean tcp() {
		return protocol.equals("tcp");
	}

	@Override
	public String toString() {
		return number + "/" + protocol;
	}
}
