/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.herald.api.BindInterface;
import org.herald.api.Identity;
import org.herald.api.NetbiosName;
import org.herald.api.Settings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/** Runs in the OSGi test runtime against its real workspace (instance location). */
class PreferenceSettingsTest {

	private static Settings service() throws InterruptedException {
		BundleContext bc = FrameworkUtil.getBundle(PreferenceSettingsTest.class).getBundleContext();
		ServiceTracker<Settings, Settings> tracker = new ServiceTracker<>(bc, Settings.class, null);
		tracker.open();
		Settings s = tracker.waitForService(10_000);
		assertNotNull(s, "Declarative Services registered no Settings service");
		return s;
	}

	@AfterEach
	void forget() throws Exception {
		InstanceScope.INSTANCE.getNode(PreferenceSettings.NODE).clear();
		InstanceScope.INSTANCE.getNode(PreferenceSettings.NODE).flush();
	}

	@Test
	void defaultsAreAValidIdentityThatBindsNowhere() throws Exception {
		Identity identity = service().identity();
		assertNull(NetbiosName.problemWith(identity.name()));
		assertEquals("WORKGROUP", identity.workgroup());
		assertTrue(identity.interfaces().isEmpty(), "no interface is bound until one is configured");
		assertTrue(identity.wins().isEmpty());
	}

	@Test
	void savedIdentityIsInTheWorkspaceAndReadsBack() throws Exception {
		Settings settings = service();
		Identity saved = new Identity("herald1", "lab", List.of(BindInterface.parse("127.0.0.2/8"), BindInterface.parse("127.1.0.1/16")),
				Optional.of(BindInterface.parseIpv4("127.0.0.3")));
		settings.save(saved);
		assertEquals(saved, settings.identity());
		Path workspace = Path.of(new java.net.URI(System.getProperty("osgi.instance.area").replace(" ", "%20")));
		Path prefs;
		try (var files = Files.walk(workspace)) {
			prefs = files.filter(f -> f.getFileName().toString().equals(PreferenceSettings.NODE + ".prefs")).findFirst().orElseThrow();
		}
		assertTrue(prefs.startsWith(workspace.resolve(".metadata")), prefs.toString());
		String text = Files.readString(prefs);
		assertTrue(text.contains("identity.interfaces=127.0.0.2/8,127.1.0.1/16"), text);
		assertTrue(text.contains("identity.name=HERALD1"), text);
	}
}
