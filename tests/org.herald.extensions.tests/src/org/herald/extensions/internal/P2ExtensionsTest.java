/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.extensions.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.equinox.p2.core.IProvisioningAgent;
import org.eclipse.equinox.p2.core.IProvisioningAgentProvider;
import org.eclipse.equinox.p2.engine.IProfile;
import org.eclipse.equinox.p2.engine.IProfileRegistry;
import org.herald.extensions.ExtensionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/** The service on a real p2 agent and profile in a temporary data area. */
class P2ExtensionsTest {

	@TempDir
	Path dir;

	private IProvisioningAgent agent;
	private IProfileRegistry registry;
	private boolean locked;
	private P2Extensions extensions;

	@BeforeEach
	void setUp() throws Exception {
		var bc = FrameworkUtil.getBundle(P2ExtensionsTest.class).getBundleContext();
		ServiceTracker<IProvisioningAgentProvider, IProvisioningAgentProvider> tracker = new ServiceTracker<>(bc, IProvisioningAgentProvider.class,
				null);
		tracker.open();
		IProvisioningAgentProvider provider = tracker.waitForService(20_000);
		assertNotNull(provider, "no p2 agent provider");
		Path area = dir.resolve("p2");
		agent = provider.createAgent(area.toUri());
		registry = agent.getService(IProfileRegistry.class);
		assertNotNull(registry, "no profile registry");
		registry.addProfile("test", Map.of(IProfile.PROP_INSTALL_FOLDER, dir.resolve("install").toString(), IProfile.PROP_CACHE,
				dir.resolve("install").toString()));
		extensions = new P2Extensions(agent, "test", area, () -> locked);
	}

	@AfterEach
	void tearDown() {
		agent.stop();
	}

	@Test
	void anEmptyProfileHasNoExtensions() throws Exception {
		assertEquals(List.of(), extensions.installed());
		assertEquals(List.of(), extensions.repositories());
	}

	@Test
	void aFolderWithoutRepositoryFailsAndChangesNothing() throws Exception {
		long[] before = registry.listProfileTimestamps("test");
		Path empty = Files.createDirectories(dir.resolve("empty"));
		ExtensionException e = assertThrows(ExtensionException.class, () -> extensions.install(empty.toUri(), List.of(), false, null));
		assertTrue(e.getMessage().startsWith("no usable p2 repository at " + empty.toUri()), e.getMessage());
		assertEquals(before.length, registry.listProfileTimestamps("test").length);
		assertEquals(List.of(), extensions.repositories(), "a failed repository is not remembered");
	}

	@Test
	void uninstallingWhatIsNotThereSaysSo() {
		ExtensionException e = assertThrows(ExtensionException.class, () -> extensions.uninstall(List.of("org.example.gone"), null));
		assertEquals("'org.example.gone' is not an installed extension (none is installed)", e.getMessage());
		e = assertThrows(ExtensionException.class, () -> extensions.uninstall(List.of("org.herald.feature"), null));
		assertTrue(e.getMessage().contains("part of Herald itself"), e.getMessage());
	}

	@Test
	void theAdministratorsLockRefusesChanges() {
		locked = true;
		ExtensionException e = assertThrows(ExtensionException.class, () -> extensions.install(dir.toUri(), List.of(), true, null));
		assertTrue(e.getMessage().startsWith("the administrator turned extensions off"), e.getMessage());
		assertThrows(ExtensionException.class, () -> extensions.uninstall(List.of("x"), null));
		assertThrows(ExtensionException.class, () -> extensions.update(List.of(), true, null));
	}

	@Test
	void updateWithNothingInstalledIsNothingToDo() throws Exception {
		assertEquals("no extensions are installed; nothing to update", extensions.update(List.of(), false, null).message());
	}

	@Test
	void aMissingProfileIsExplained() {
		P2Extensions other = new P2Extensions(agent, "nope", dir.resolve("p2"), () -> false);
		ExtensionException e = assertThrows(ExtensionException.class, other::installed);
		assertTrue(e.getMessage().contains("no p2 profile 'nope'"), e.getMessage());
	}
}
