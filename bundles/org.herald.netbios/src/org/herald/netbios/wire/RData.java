/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.netbios.wire;

/** The RDATA of a resource record, by what it holds. */
public sealed interface RData permits NbAddresses, NodeStatusData, WackData, RawData {

	/** The RDLENGTH this data takes on the wire. */
	int length();
}
