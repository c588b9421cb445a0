/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.api;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/** The source tree the tests run in (the folder with ARCHITECTURE.md and bundles/), and its bundles' MANIFESTs. */
final class SourceTree {

	static final Path ROOT = findRoot();

	private SourceTree() {
	}

	private static Path findRoot() {
		for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
			if (Files.isRegularFile(p.resolve("ARCHITECTURE.md")) && Files.isDirectory(p.resolve("bundles"))) {
				return p;
			}
		}
		throw new AssertionError("no source tree with ARCHITECTURE.md above " + Path.of("").toAbsolutePath());
	}

	/** Each bundle's MANIFEST, by the bundle's folder name. */
	static Map<String, Manifest> manifests() throws IOException {
		Map<String, Manifest> all = new TreeMap<>();
		try (Stream<Path> bundles = Files.list(ROOT.resolve("bundles"))) {
			for (Path b : bundles.filter(d -> Files.isRegularFile(d.resolve("META-INF/MANIFEST.MF"))).toList()) {
				try (InputStream in = Files.newInputStream(b.resolve("META-INF/MANIFEST.MF"))) {
					all.put(b.getFileName().toString(), new Manifest(in));
				}
			}
		}
		return all;
	}
}
