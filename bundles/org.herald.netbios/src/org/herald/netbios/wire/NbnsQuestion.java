/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.netbios.wire;

import org.herald.api.NetbiosName;

/**
 * The question section entry (RFC 1002 section 4.2.1.2): a name, QUESTION_TYPE (NB or NBSTAT) and
 * QUESTION_CLASS (IN).
 */
public record NbnsQuestion(EncodedName name, int type, int questionClass) {

	public NbnsQuestion(NetbiosName name, int type) {
		this(new EncodedName(name), type, NbnsPacket.CLASS_IN);
	}

	public NetbiosName netbiosName() {
		return name.name();
	}
}
