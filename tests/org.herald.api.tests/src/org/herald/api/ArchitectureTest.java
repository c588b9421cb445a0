/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;

/**
 * The map in ARCHITECTURE.md, checked against the bundles' MANIFESTs in the source tree: a bundle
 * imports only the Herald packages its row names, core bundles never touch SWT, JFace or e4, and
 * every bundle has its row.
 */
class ArchitectureTest {

	/** Each bundle's row: the Herald packages it may import (a trailing * takes the subpackages too). */
	private static final Map<String, List<String>> MAP = Map.ofEntries(
			Map.entry("org.herald.api", List.of()),
			Map.entry("org.herald.core", List.of("org.herald.api")),
			Map.entry("org.herald.cli", List.of("org.herald.api*")),
			Map.entry("org.herald.netbios", List.of("org.herald.api*")),
			Map.entry("org.herald.smb", List.of("org.herald.api", "org.herald.netbios.wire")),
			Map.entry("org.herald.inbox", List.of("org.herald.api*")),
			Map.entry("org.herald.peer", List.of("org.herald.api*", "org.herald.netbios*")),
			Map.entry("org.herald.messenger", List.of("org.herald.api*", "org.herald.netbios*", "org.herald.smb*", "org.herald.inbox", "org.herald.peer*")),
			Map.entry("org.herald.outbox", List.of("org.herald.api*", "org.herald.messenger")),
			Map.entry("org.herald.browser", List.of("org.herald.api*", "org.herald.netbios*", "org.herald.smb*")),
			Map.entry("org.herald.extensions", List.of("org.herald.api*")),
			Map.entry("org.herald.extensions.ui", List.of("org.herald.extensions")),
			Map.entry("org.herald.ui", List.of("org.herald.api*")),
			Map.entry("org.herald.messenger.ui",
					List.of("org.herald.api*", "org.herald.inbox", "org.herald.messenger*", "org.herald.netbios", "org.herald.ui", "org.herald.peer*")),
			Map.entry("org.herald.network.ui", List.of("org.herald.api*", "org.herald.browser*", "org.herald.netbios", "org.herald.ui")));

	private static final Path ROOT = SourceTree.ROOT;

	/** The package names of a header such as Import-Package (attributes and directives dropped). */
	static List<String> packages(String header) {
		List<String> names = new ArrayList<>();
		if (header == null) {
			return names;
		}
		boolean quoted = false;
		StringBuilder clause = new StringBuilder();
		for (char c : (header + ",").toCharArray()) {
			if (c == '"') {
				quoted = !quoted;
			}
			if (c == ',' && !quoted) {
				names.add(clause.toString().split(";")[0].strip());
				clause.setLength(0);
			} else {
				clause.append(c);
			}
		}
		return names;
	}

	private static boolean allowed(String pkg, List<String> row) {
		for (String r : row) {
			if (r.endsWith("*") ? pkg.equals(r.substring(0, r.length() - 1)) || pkg.startsWith(r.substring(0, r.length() - 1) + ".")
					: pkg.equals(r)) {
				return true;
			}
		}
		return false;
	}

	@Test
	void everyBundleImportsOnlyWhatItsRowNames() throws IOException {
		Map<String, Manifest> all = SourceTree.manifests();
		assertTrue(all.size() >= 10, "bundles found under " + ROOT);
		Set<String> violations = new TreeSet<>();
		for (Map.Entry<String, Manifest> e : all.entrySet()) {
			List<String> row = MAP.get(e.getKey());
			if (row == null) {
				violations.add(e.getKey() + " has no row in the map");
				continue;
			}
			for (String pkg : packages(e.getValue().getMainAttributes().getValue("Import-Package"))) {
				if (pkg.startsWith("org.herald.") && !allowed(pkg, row)) {
					violations.add(e.getKey() + " imports " + pkg);
				}
			}
			for (String b : packages(e.getValue().getMainAttributes().getValue("Require-Bundle"))) {
				if (b.startsWith("org.herald.")) {
					violations.add(e.getKey() + " requires bundle " + b + " (import packages instead)");
				}
			}
		}
		assertEquals(Set.of(), violations);
	}

	@Test
	void coreBundlesNeverTouchSwtJfaceOrE4() throws IOException {
		Set<String> violations = new TreeSet<>();
		for (Map.Entry<String, Manifest> e : SourceTree.manifests().entrySet()) {
			if (e.getKey().endsWith(".ui")) {
				continue;
			}
			var attributes = e.getValue().getMainAttributes();
			List<String> used = new ArrayList<>(packages(attributes.getValue("Import-Package")));
			used.addAll(packages(attributes.getValue("Require-Bundle")));
			for (String u : used) {
				if (u.startsWith("org.eclipse.swt") || u.startsWith("org.eclipse.jface") || u.startsWith("org.eclipse.e4")) {
					violations.add(e.getKey() + " uses " + u);
				}
			}
		}
		assertEquals(Set.of(), violations);
	}

	@Test
	void theMapInArchitectureMdNamesEveryBundle() throws IOException {
		String map = Files.readString(ROOT.resolve("ARCHITECTURE.md"));
		Set<String> missing = new TreeSet<>();
		for (String bundle : SourceTree.manifests().keySet()) {
			if (!map.contains("org.herald." + bundle.substring("org.herald.".length()) + " ")) {
				missing.add(bundle);
			}
		}
		assertEquals(Set.of(), missing);
		assertEquals(new TreeSet<>(MAP.keySet()), new TreeSet<>(SourceTree.manifests().keySet()), "the test's rows are the bundles");
	}

	@Test
	void headerPackagesIgnoreAttributesAndQuotedRanges() {
		assertEquals(List.of("a.b", "c.d"), packages("a.b;version=\"[1.0,2.0)\",\n c.d;resolution:=optional"));
	}
}
