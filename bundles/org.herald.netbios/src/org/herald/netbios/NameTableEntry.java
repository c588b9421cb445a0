/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.netbios;

import java.net.Inet4Address;
import java.util.Optional;

import org.herald.api.NetbiosName;

/**
 * A name in Herald's local name table.
 *
 * @param name  the name with its suffix
 * @param group whether it is a group name (the workgroup)
 * @param alias whether it was added at run time (like {@code NET NAME})
 * @param state where its registration stands
 * @param owner in {@link NameState#CONFLICT}, the node that owns it, if known
 */
public record NameTableEntry(NetbiosName name, boolean group, boolean alias, NameState state, Optional<Inet4Address> owner) {

	public NameTableEntry withState(NameState newState, Optional<Inet4Address> newOwner) {
		return new NameTableEntry(name, group, alias, newState, newOwner);
	}
}
