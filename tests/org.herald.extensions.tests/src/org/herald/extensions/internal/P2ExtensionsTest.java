/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.extensions.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

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
		assertFalse(e.getMessage().contains("certificate"), e.getMessage());
		assertEquals(before.length, registry.listProfileTimestamps("test").length);
		assertEquals(List.of(), extensions.repositories(), "a failed repository is not remembered");
	}

	/**
	 * A real https server on 127.0.0.1 with a self-signed certificate (made by the JDK's keytool)
	 * that the JVM's trust store does not hold: the refusal says so and how to trust it.
	 */
	@Test
	void anUntrustedServerCertificateIsExplained() throws Exception {
		Path keystore = dir.resolve("server.p12");
		Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair",
				"-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2", "-dname", "CN=Herald test repository",
				"-ext", "san=ip:127.0.0.1", "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", "herald-test")
				.redirectErrorStream(true).redirectOutput(dir.resolve("keytool.log").toFile()).start();
		assertTrue(keytool.waitFor(60, TimeUnit.SECONDS) && keytool.exitValue() == 0, () -> read(dir.resolve("keytool.log")));
		KeyStore ks = KeyStore.getInstance("PKCS12");
		try (var in = Files.newInputStream(keystore)) {
			ks.load(in, "herald-test".toCharArray());
		}
		KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
		keys.init(ks, "herald-test".toCharArray());
		SSLContext tls = SSLContext.getInstance("TLS");
		tls.init(keys.getKeyManagers(), null, null);
		HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.setHttpsConfigurator(new HttpsConfigurator(tls));
		server.createContext("/", exchange -> {
			exchange.sendResponseHeaders(404, -1);
			exchange.close();
		});
		server.start();
		try {
			URI repository = URI.create("https://127.0.0.1:" + server.getAddress().getPort() + "/repository/");
			ExtensionException e = assertThrows(ExtensionException.class, () -> extensions.available(repository, null));
			assertTrue(e.getMessage().startsWith("no usable p2 repository at " + repository + ": " + P2Extensions.UNTRUSTED_SERVER), e.getMessage());
			assertTrue(e.getMessage().contains("PKIX"), e.getMessage());
			assertEquals(List.of(), extensions.repositories(), "a refused repository is not remembered");
		} finally {
			server.stop(0);
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		} catch (java.io.IOException e) {
			return e.toString();
		}
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
