/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.api.baseline;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.herald.api.baseline.Signatures.Compiled;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.Version;
import org.osgi.framework.namespace.HostNamespace;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.BundleWiring;

/**
 * Herald's API as the running framework has it: every package an {@code org.herald.*} bundle
 * exports for all (not {@code internal}, not {@code x-internal}, not {@code x-friends}), with the
 * version of its export, and the signature of the classes the bundle itself holds in it (never a
 * test fragment's), loaded through the bundle.
 */
final class RuntimeApi {

	/** An exported package as the framework sees it. */
	record Export(Bundle bundle, String pkg, Version version) {
	}

	private RuntimeApi() {
	}

	static boolean isApi(String pkg, Map<String, String> directives) {
		boolean internal = pkg.equals("internal") || pkg.contains(".internal.") || pkg.endsWith(".internal");
		return !internal && !"true".equals(directives.get("x-internal")) && !directives.containsKey("x-friends");
	}

	static List<Export> exports(BundleContext context) {
		List<Export> exports = new ArrayList<>();
		for (Bundle b : context.getBundles()) {
			String name = b.getSymbolicName();
			BundleRevision revision = b.adapt(BundleRevision.class);
			if (name == null || !name.startsWith("org.herald.") || revision == null || (revision.getTypes() & BundleRevision.TYPE_FRAGMENT) != 0) {
				continue;
			}
			for (BundleCapability c : revision.getDeclaredCapabilities(PackageNamespace.PACKAGE_NAMESPACE)) {
				String pkg = (String) c.getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE);
				if (isApi(pkg, c.getDirectives())) {
					exports.add(new Export(b, pkg, (Version) c.getAttributes().get(PackageNamespace.CAPABILITY_VERSION_ATTRIBUTE)));
				}
			}
		}
		return exports;
	}

	/** The signature of each API package, by name. */
	static Map<String, PackageApi> packages(BundleContext context) throws IOException, ClassNotFoundException {
		Map<String, PackageApi> packages = new TreeMap<>();
		for (Export x : exports(context)) {
			List<Compiled> classes = classes(x.bundle(), x.pkg());
			if (packages.put(x.pkg(), new PackageApi(x.pkg(), x.version(), new TreeSet<>(Signatures.of(classes)))) != null) {
				throw new IllegalStateException(x.pkg() + " is exported by two Herald bundles");
			}
		}
		return packages;
	}

	/**
	 * The classes {@code bundle} holds in {@code pkg}, loaded through it, with their class files. Read
	 * through the bundle's class path (as the framework loads them, also from a workspace's output
	 * folder); a Herald bundle with a fragment attached is refused, since the fragment's classes
	 * would count as the bundle's.
	 */
	static List<Compiled> classes(Bundle bundle, String pkg) throws IOException, ClassNotFoundException {
		BundleWiring wiring = bundle.adapt(BundleWiring.class);
		if (wiring == null) {
			throw new IllegalStateException(bundle.getSymbolicName() + " is not resolved in the test runtime");
		}
		if (!wiring.getProvidedWires(HostNamespace.HOST_NAMESPACE).isEmpty() && !bundle.equals(FrameworkUtil.getBundle(RuntimeApi.class))) {
			throw new IllegalStateException(bundle.getSymbolicName() + " has a fragment attached in the test runtime; its classes would count as the bundle's");
		}
		List<Compiled> classes = new ArrayList<>();
		String folder = "/" + pkg.replace('.', '/');
		for (String path : new TreeSet<>(wiring.listResources(folder, "*.class", BundleWiring.LISTRESOURCES_LOCAL))) {
			if (path.endsWith("package-info.class") || path.endsWith("module-info.class")) {
				continue;
			}
			byte[] bytes;
			try (InputStream in = wiring.getClassLoader().getResourceAsStream(path)) {
				if (in == null) {
					throw new IOException("cannot read " + path + " from " + bundle.getSymbolicName());
				}
				bytes = in.readAllBytes();
			}
			String className = path.substring(0, path.length() - ".class".length()).replace('/', '.');
			classes.add(new Compiled(bundle.loadClass(className), ClassFileFacts.read(bytes)));
		}
		if (classes.isEmpty()) {
			throw new IllegalStateException(bundle.getSymbolicName() + " exports " + pkg + " but holds no class in it");
		}
		return classes;
	}
}
