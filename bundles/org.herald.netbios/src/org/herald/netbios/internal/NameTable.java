/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.netbios.internal;

import java.net.Inet4Address;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.herald.api.Identity;
import org.herald.api.NetbiosName;
import org.herald.netbios.NameState;
import org.herald.netbios.NameTableEntry;

/** Herald's local name table: thread safe, in the order names were added. */
final class NameTable {

	private final Map<NetbiosName, NameTableEntry> entries = new LinkedHashMap<>();

	/** NAME&lt;00&gt;, NAME&lt;03&gt; and WORKGROUP&lt;00&gt; (group), all {@link NameState#REGISTERING}. */
	static NameTable of(Identity identity) {
		return of(identity, true);
	}

	/** As {@link #of(Identity)}, without NAME&lt;03&gt; unless {@code messenger}. */
	static NameTable of(Identity identity, boolean messenger) {
		NameTable t = new NameTable();
		t.add(identity.workstationName(), false, false);
		if (messenger) {
			t.add(identity.messengerName(), false, false);
		}
		t.add(identity.workgroupName(), true, false);
		return t;
	}

	/** Adds a name in {@link NameState#REGISTERING}; null if the table has it already. */
	synchronized NameTableEntry add(NetbiosName name, boolean group, boolean alias) {
		if (entries.containsKey(name)) {
			return null;
		}
		NameTableEntry e = new NameTableEntry(name, group, alias, NameState.REGISTERING, Optional.empty());
		entries.put(name, e);
		return e;
	}

	synchronized Optional<NameTableEntry> get(NetbiosName name) {
		return Optional.ofNullable(entries.get(name));
	}

	/** Moves a name to {@code state}; returns the new entry, or null if the name is not in the table. */
	synchronized NameTableEntry set(NetbiosName name, NameState state, Optional<Inet4Address> owner) {
		NameTableEntry e = entries.get(name);
		if (e == null) {
			return null;
		}
		NameTableEntry n = e.withState(state, owner);
		entries.put(name, n);
		return n;
	}

	synchronized NameTableEntry remove(NetbiosName name) {
		return entries.remove(name);
	}

	synchronized List<NameTableEntry> snapshot() {
		return List.copyOf(new ArrayList<>(entries.values()));
	}
}
