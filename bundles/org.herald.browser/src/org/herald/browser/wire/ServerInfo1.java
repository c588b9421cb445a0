/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.browser.wire;

/**
 * One SERVER_INFO_1 entry of a NetServerEnum2 answer (MS-RAP 2.5.5.2.2, 2.5.10.1.2): the server
 * (or, when workgroups were asked for, the workgroup) name, its OS version, server type and comment
 * (for a workgroup: its master browser's name).
 */
public record ServerInfo1(String name, int versionMajor, int versionMinor, int serverType, String comment) {
}
