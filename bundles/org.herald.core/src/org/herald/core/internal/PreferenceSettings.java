/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.core.internal;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.herald.api.BindInterface;
import org.herald.api.Identity;
import org.herald.api.NetbiosName;
import org.herald.api.Settings;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.prefs.BackingStoreException;

/**
 * Settings in the instance scope of the workspace:
 * {@code <workspace>/.metadata/.plugins/org.eclipse.core.runtime/.settings/org.herald.core.prefs}.
 */
@Component(service = Settings.class)
public class PreferenceSettings implements Settings {

	static final String NODE = "org.herald.core";
	static final String NAME = "identity.name";
	static final String WORKGROUP = "identity.workgroup";
	static final String INTERFACES = "identity.interfaces";
	static final String WINS = "identity.wins";

	static final String DEFAULT_WORKGROUP = "WORKGROUP";

	private IEclipsePreferences node() {
		return InstanceScope.INSTANCE.getNode(NODE);
	}

	@Override
	public Identity identity() {
		IEclipsePreferences p = node();
		String name = p.get(NAME, defaultName());
		String workgroup = p.get(WORKGROUP, DEFAULT_WORKGROUP);
		List<BindInterface> interfaces = new ArrayList<>();
		for (String item : p.get(INTERFACES, "").split(",")) {
			if (!item.isBlank()) {
				interfaces.add(BindInterface.parse(item));
			}
		}
		String wins = p.get(WINS, "");
		Optional<Inet4Address> winsAddress = wins.isBlank() ? Optional.empty() : Optional.of(BindInterface.parseIpv4(wins));
		return new Identity(name, workgroup, interfaces, winsAddress);
	}

	@Override
	public void save(Identity identity) throws IOException {
		IEclipsePreferences p = node();
		p.put(NAME, identity.name());
		p.put(WORKGROUP, identity.workgroup());
		p.put(INTERFACES, identity.interfaces().stream().map(BindInterface::toString).collect(Collectors.joining(",")));
		p.put(WINS, identity.wins().map(Inet4Address::getHostAddress).orElse(""));
		try {
			p.flush();
		} catch (BackingStoreException e) {
			throw new IOException("could not save Herald's settings in the workspace: " + e.getMessage(), e);
		}
	}

	/** The host name, cut to a valid NetBIOS name, as Samba's default {@code netbios name} is. */
	static String defaultName() {
		try {
			String host = InetAddress.getLocalHost().getHostName();
			String first = host.split("\\.")[0].toUpperCase(Locale.ROOT);
			String cut = first.length() > NetbiosName.MAX_LENGTH ? first.substring(0, NetbiosName.MAX_LENGTH) : first;
			if (NetbiosName.problemWith(cut) == null) {
				return cut;
			}
		} catch (IOException e) {
			// no resolvable host name: fall back
		}
		return "HERALD";
	}
}
