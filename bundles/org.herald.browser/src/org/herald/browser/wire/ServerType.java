/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.browser.wire;

import java.util.ArrayList;
import java.util.List;

/**
 * The 32-bit server type of announcements and server lists (MS-RAP 2.5.5.2.1, MS-BRWS 2.2.1):
 * which services a host offers and which browser role it holds.
 */
public final class ServerType {

	public static final int WORKSTATION = 0x0000_0001;
	public static final int SERVER = 0x0000_0002;
	public static final int SQLSERVER = 0x0000_0004;
	public static final int DOMAIN_CTRL = 0x0000_0008;
	public static final int DOMAIN_BAKCTRL = 0x0000_0010;
	public static final int TIME_SOURCE = 0x0000_0020;
	public static final int AFP = 0x0000_0040;
	public static final int NOVELL = 0x0000_0080;
	public static final int DOMAIN_MEMBER = 0x0000_0100;
	public static final int PRINTQ_SERVER = 0x0000_0200;
	public static final int DIALIN_SERVER = 0x0000_0400;
	public static final int SERVER_UNIX = 0x0000_0800;
	public static final int NT = 0x0000_1000;
	public static final int WFW = 0x0000_2000;
	public static final int SERVER_MFPN = 0x0000_4000;
	public static final int SERVER_NT = 0x0000_8000;
	public static final int POTENTIAL_BROWSER = 0x0001_0000;
	public static final int BACKUP_BROWSER = 0x0002_0000;
	public static final int MASTER_BROWSER = 0x0004_0000;
	public static final int DOMAIN_MASTER = 0x0008_0000;
	public static final int WINDOWS = 0x0040_0000;
	public static final int DFS = 0x0080_0000;
	public static final int TERMINALSERVER = 0x0200_0000;
	public static final int LOCAL_LIST_ONLY = 0x4000_0000;
	/** In a NetServerEnum2 request: list workgroups/domains instead of servers. */
	public static final int DOMAIN_ENUM = 0x8000_0000;
	/** In a NetServerEnum2 request: every server. */
	public static final int ALL = 0xFFFF_FFFF;

	private static final Object[][] NAMES = { { WORKSTATION, "workstation" }, { SERVER, "server" }, { SQLSERVER, "sql" },
			{ DOMAIN_CTRL, "domain-controller" }, { DOMAIN_BAKCTRL, "backup-controller" }, { TIME_SOURCE, "time-source" },
			{ AFP, "afp" }, { NOVELL, "novell" }, { DOMAIN_MEMBER, "domain-member" }, { PRINTQ_SERVER, "print" },
			{ DIALIN_SERVER, "dial-in" }, { SERVER_UNIX, "unix" }, { NT, "nt" }, { WFW, "wfw" }, { SERVER_MFPN, "mfpn" },
			{ SERVER_NT, "server-nt" }, { POTENTIAL_BROWSER, "potential-browser" }, { BACKUP_BROWSER, "backup-browser" },
			{ MASTER_BROWSER, "master-browser" }, { DOMAIN_MASTER, "domain-master" }, { WINDOWS, "windows" }, { DFS, "dfs" },
			{ TERMINALSERVER, "terminal-server" }, { LOCAL_LIST_ONLY, "local-list-only" }, { DOMAIN_ENUM, "domain-enum" } };

	private ServerType() {
	}

	/** The names of the bits set in {@code type}, e.g. {@code [workstation, server, master-browser]}. */
	public static List<String> names(int type) {
		List<String> out = new ArrayList<>();
		for (Object[] n : NAMES) {
			if ((type & (int) n[0]) != 0) {
				out.add((String) n[1]);
			}
		}
		return out;
	}

	public static boolean has(int type, int bit) {
		return (type & bit) == bit;
	}
}
