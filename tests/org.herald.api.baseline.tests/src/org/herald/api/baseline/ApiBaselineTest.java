/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.api.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

/**
 * The API baseline check: the signature of every package Herald's bundles export for all, taken
 * from the compiled bundles running in this framework, against the committed baseline
 * {@code releng/api-baseline/herald-api.baseline}, under OSGi semantic versioning
 * ({@link Compatibility}). A removed or changed member without a major bump, an added member
 * without a minor bump, or a version raised without a change fails the build, naming the package,
 * the member and the version it needs.
 * <p>
 * When a release is cut, the baseline becomes the released API: {@code releng/api-baseline/write.sh}
 * runs this test with {@code -Dherald.api.baseline.write=true}, which writes the file from the
 * current bundles instead of comparing. Opens no socket.
 */
class ApiBaselineTest {

	static final String WRITE = "herald.api.baseline.write";

	private static final Path ROOT = root();
	static final Path FILE = ROOT.resolve("releng/api-baseline/herald-api.baseline");

	private static final List<String> HEADER = List.of(
			"Herald's API baseline: the public signature of every package Herald's bundles export for all",
			"(not internal, x-internal or x-friends), at its version. Generated; do not edit by hand.",
			"ApiBaselineTest (tests/org.herald.api.baseline.tests) compares the built bundles with it under OSGi",
			"semantic versioning. Regenerate when a release is cut: releng/api-baseline/write.sh",
			"Lines: TYPE | KEY | DECLARATION (KEY names the element: type, extends, implements, permits, field, constructor, method).");

	private static Path root() {
		for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
			if (Files.isRegularFile(p.resolve("ARCHITECTURE.md")) && Files.isDirectory(p.resolve("bundles"))) {
				return p;
			}
		}
		throw new AssertionError("no source tree with ARCHITECTURE.md above " + Path.of("").toAbsolutePath());
	}

	private static BundleContext context() {
		return FrameworkUtil.getBundle(ApiBaselineTest.class).getBundleContext();
	}

	@Test
	void theApiKeepsToTheBaselineUnderSemanticVersioning() throws Exception {
		Map<String, PackageApi> current = RuntimeApi.packages(context());
		assertTrue(current.size() >= 10, "Herald's API packages in the test runtime: " + current.keySet());
		if (Boolean.getBoolean(WRITE)) {
			Files.createDirectories(FILE.getParent());
			Files.writeString(FILE, PackageApi.format(current.values(), HEADER));
			System.out.println("API baseline written: " + FILE + " (" + current.size() + " packages)");
			return;
		}
		assertTrue(Files.isRegularFile(FILE), "no baseline at " + FILE + ": write one with releng/api-baseline/write.sh");
		Map<String, PackageApi> baseline = PackageApi.parse(Files.readString(FILE));
		for (String pkg : Compatibility.added(baseline, current)) {
			System.out.println("API baseline: " + pkg + " " + current.get(pkg).version() + " is new (not in the baseline until it is regenerated)");
		}
		List<String> problems = Compatibility.problems(baseline, current);
		assertTrue(problems.isEmpty(), "Herald's API broke its versioning against " + ROOT.relativize(FILE) + ":\n  " + String.join("\n  ", problems)
				+ "\nRaise the package's @Version in its package-info.java and its Export-Package version together (and the importers'"
				+ " ranges); when a release is cut, regenerate the baseline with releng/api-baseline/write.sh.");
	}

	@Test
	void theBaselineFileIsAsTheWriterWritesIt() throws IOException {
		if (Boolean.getBoolean(WRITE)) {
			return; // the file is being rewritten by the test above
		}
		String text = Files.readString(FILE);
		assertEquals(text, PackageApi.format(PackageApi.parse(text).values(), HEADER),
				"the baseline was edited by hand or by another writer: regenerate it with releng/api-baseline/write.sh");
	}

	/** A new bundle with an API must be in this test's runtime, or its packages would escape the check. */
	@Test
	void everyBundleThatExportsAnApiIsInTheTestRuntime() throws IOException {
		Set<String> running = new TreeSet<>();
		RuntimeApi.exports(context()).forEach(x -> running.add(x.pkg()));
		Set<String> missing = new TreeSet<>();
		try (Stream<Path> bundles = Files.list(ROOT.resolve("bundles"))) {
			for (Path b : bundles.filter(d -> Files.isRegularFile(d.resolve("META-INF/MANIFEST.MF"))).toList()) {
				Manifest m;
				try (InputStream in = Files.newInputStream(b.resolve("META-INF/MANIFEST.MF"))) {
					m = new Manifest(in);
				}
				for (String pkg : apiPackages(m.getMainAttributes().getValue("Export-Package"))) {
					if (!running.contains(pkg)) {
						missing.add(b.getFileName() + " exports " + pkg + ": add " + b.getFileName() + " to Require-Bundle of tests/org.herald.api.baseline.tests");
					}
				}
			}
		}
		assertEquals(Set.of(), missing);
	}

	/** The packages an Export-Package header exports for all (the same rule as {@link RuntimeApi#isApi}). */
	static List<String> apiPackages(String header) {
		List<String> packages = new ArrayList<>();
		if (header == null) {
			return packages;
		}
		for (String clause : header.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")) {
			String[] parts = clause.strip().split(";");
			String pkg = parts[0].strip();
			boolean scoped = clause.contains("x-internal:=true") || clause.contains("x-friends:=");
			if (!scoped && RuntimeApi.isApi(pkg, Map.of())) {
				packages.add(pkg);
			}
		}
		return packages;
	}
}
