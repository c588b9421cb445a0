/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.browser;

import java.net.Inet4Address;
import java.util.Optional;

/**
 * A local master browser found for a workgroup (it answered WG&lt;1D&gt;).
 *
 * @param workgroup the workgroup
 * @param address   its address
 * @param name      its computer name, from its node status, if it answered that
 */
public record MasterBrowser(String workgroup, Inet4Address address, Optional<String> name) {
}
