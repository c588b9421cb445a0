/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.internal;

import org.herald.api.NetbiosName;
import org.herald.messenger.HeldNames;
import org.herald.netbios.NameResponder;
import org.herald.netbios.NameState;
import org.herald.netbios.NameTableEntry;

/**
 * The names the name responder holds: unique names of its table being registered or active (a name
 * in conflict belongs to another node, a released one to nobody here).
 */
public final class ResponderHeldNames implements HeldNames {

	private final NameResponder responder;

	public ResponderHeldNames(NameResponder responder) {
		this.responder = responder;
	}

	@Override
	public boolean holds(NetbiosName name) {
		for (NameTableEntry e : responder.names()) {
			if (!e.group() && e.name().equals(name) && (e.state() == NameState.ACTIVE || e.state() == NameState.REGISTERING)) {
				return true;
			}
		}
		return false;
	}
}
