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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The API's versions and scope, in source and in the MANIFESTs: every exported package has a
 * {@code package-info.java} with {@code @Export @Version}, the MANIFEST exports it with the same
 * version and the same scope ({@code x-internal}/{@code x-friends}, as the {@code @Export}
 * attribute says), no {@code internal} package is exported, and every Herald import's range holds
 * the version its exporter gives.
 */
class ApiVersionsTest {

	private static final Pattern VERSION = Pattern.compile("@org\\.osgi\\.annotation\\.versioning\\.Version\\(\\s*\"([^\"]*)\"\\s*\\)");
	private static final Pattern EXPORT = Pattern.compile("@org\\.osgi\\.annotation\\.bundle\\.Export\\b(?:\\(\\s*attribute\\s*=\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*\\))?");

	/** One clause of Export-Package: the package, its version (null when none) and its scope directive. */
	record Exported(String bundle, String pkg, String version, String scope) {
	}

	/** What a package-info.java says: present, exported, the version and the scope of its @Export. */
	record Source(boolean exists, boolean export, String version, String scope) {
	}

	private static final Path ROOT = SourceTree.ROOT;

	/** Splits {@code text} at {@code separator} where it is not inside quotes. */
	static List<String> split(String text, char separator) {
		List<String> parts = new ArrayList<>();
		if (text == null) {
			return parts;
		}
		boolean quoted = false;
		StringBuilder part = new StringBuilder();
		for (char c : text.toCharArray()) {
			if (c == '"') {
				quoted = !quoted;
			}
			if (c == separator && !quoted) {
				parts.add(part.toString().strip());
				part.setLength(0);
			} else {
				part.append(c);
			}
		}
		parts.add(part.toString().strip());
		return parts;
	}

	/** A clause's attributes and directives by name ({@code version}, {@code x-internal:}, ...), values unquoted. */
	static Map<String, String> parameters(String clause) {
		Map<String, String> found = new LinkedHashMap<>();
		List<String> parts = split(clause, ';');
		for (String p : parts.subList(1, parts.size())) {
			int eq = p.indexOf('=');
			if (eq < 0) {
				continue;
			}
			String value = p.substring(eq + 1).strip();
			if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
				value = value.substring(1, value.length() - 1);
			}
			found.put(p.substring(0, eq).strip(), value);
		}
		return found;
	}

	/** The scope directive of a clause as one text ({@code x-internal:=true}, {@code x-friends:="a,b"}), or null. */
	private static String scope(Map<String, String> parameters) {
		if (parameters.containsKey("x-internal:")) {
			return "x-internal:=" + parameters.get("x-internal:");
		}
		if (parameters.containsKey("x-friends:")) {
			return "x-friends:=\"" + parameters.get("x-friends:") + "\"";
		}
		return null;
	}

	private static List<Exported> exports() throws IOException {
		List<Exported> all = new ArrayList<>();
		for (Map.Entry<String, Manifest> e : SourceTree.manifests().entrySet()) {
			String header = e.getValue().getMainAttributes().getValue("Export-Package");
			if (header == null) {
				continue;
			}
			for (String clause : split(header, ',')) {
				Map<String, String> p = parameters(clause);
				all.add(new Exported(e.getKey(), split(clause, ';').get(0), p.get("version"), scope(p)));
			}
		}
		return all;
	}

	static Source source(String text) {
		if (text == null) {
			return new Source(false, false, null, null);
		}
		Matcher v = VERSION.matcher(text);
		Matcher x = EXPORT.matcher(text);
		boolean export = x.find();
		String scope = export && x.group(1) != null ? x.group(1).replace("\\\"", "\"") : null;
		return new Source(true, export, v.find() ? v.group(1) : null, scope);
	}

	private static Source source(String bundle, String pkg) throws IOException {
		Path info = ROOT.resolve("bundles").resolve(bundle).resolve("src").resolve(pkg.replace('.', '/')).resolve("package-info.java");
		return source(Files.isRegularFile(info) ? Files.readString(info) : null);
	}

	/** A version with three numbers ({@code 1} and {@code 1.0} are {@code 1.0.0}); qualifiers are kept. */
	static String normal(String version) {
		String[] parts = version.strip().split("\\.", 4);
		StringBuilder b = new StringBuilder();
		for (int i = 0; i < 3; i++) {
			b.append(i == 0 ? "" : ".").append(i < parts.length ? Integer.parseInt(parts[i]) : 0);
		}
		return parts.length == 4 ? b + "." + parts[3] : b.toString();
	}

	private static int compare(String a, String b) {
		String[] x = normal(a).split("\\.", 4);
		String[] y = normal(b).split("\\.", 4);
		for (int i = 0; i < 3; i++) {
			int c = Integer.compare(Integer.parseInt(x[i]), Integer.parseInt(y[i]));
			if (c != 0) {
				return c;
			}
		}
		return (x.length == 4 ? x[3] : "").compareTo(y.length == 4 ? y[3] : "");
	}

	/** Whether the OSGi version range {@code range} (an interval, or a floor) holds {@code version}. */
	static boolean inRange(String range, String version) {
		range = range.strip();
		if (!range.startsWith("[") && !range.startsWith("(")) {
			return compare(version, range) >= 0;
		}
		String[] ends = range.substring(1, range.length() - 1).split(",");
		int low = compare(version, ends[0]);
		int high = compare(version, ends[1]);
		return (range.startsWith("[") ? low >= 0 : low > 0) && (range.endsWith("]") ? high <= 0 : high < 0);
	}

	@Test
	void everyExportedPackageIsVersionedInSourceAndManifestAlike() throws IOException {
		List<Exported> exports = exports();
		assertTrue(exports.size() >= 15, "exported packages found under " + ROOT);
		Set<String> violations = new TreeSet<>();
		for (Exported x : exports) {
			String where = x.bundle() + " exports " + x.pkg();
			Source s = source(x.bundle(), x.pkg());
			if (!s.exists()) {
				violations.add(where + " without a package-info.java");
				continue;
			}
			if (!s.export()) {
				violations.add(where + " but its package-info.java has no @Export");
			}
			if (x.version() == null && x.scope() == null) {
				violations.add(where + " (not internal) without a version");
			}
			if (s.version() == null && x.scope() == null) {
				violations.add(where + " (not internal) but its package-info.java has no @Version");
			}
			if (s.version() != null && (x.version() == null || !normal(s.version()).equals(normal(x.version())))) {
				violations.add(where + " as version " + x.version() + " but its @Version is " + s.version());
			}
			if (s.export() && !String.valueOf(s.scope()).equals(String.valueOf(x.scope()))) {
				violations.add(where + " with scope " + x.scope() + " but its @Export says " + s.scope());
			}
			if (x.pkg().equals("internal") || x.pkg().contains(".internal.") || x.pkg().endsWith(".internal")) {
				if (x.scope() == null) {
					violations.add(where + ": an internal package exported to all");
				}
			}
		}
		assertEquals(Set.of(), violations);
	}

	@Test
	void everyPackageInfoThatSaysExportIsExported() throws IOException {
		Set<String> exported = new TreeSet<>();
		for (Exported x : exports()) {
			exported.add(x.bundle() + "/" + x.pkg());
		}
		Set<String> violations = new TreeSet<>();
		try (Stream<Path> files = Files.walk(ROOT.resolve("bundles"))) {
			for (Path info : files.filter(f -> f.getFileName().toString().equals("package-info.java")).toList()) {
				Path rel = ROOT.resolve("bundles").relativize(info);
				String bundle = rel.getName(0).toString();
				if (!rel.getName(1).toString().equals("src")) {
					continue;
				}
				String pkg = rel.subpath(2, rel.getNameCount() - 1).toString().replace('/', '.');
				Source s = source(Files.readString(info));
				if (s.export() && !exported.contains(bundle + "/" + pkg)) {
					violations.add(bundle + ": " + pkg + " says @Export but the MANIFEST does not export it");
				}
			}
		}
		assertEquals(Set.of(), violations);
	}

	@Test
	void everyHeraldImportRangeHoldsTheExportedVersion() throws IOException {
		Map<String, String> versions = new TreeMap<>();
		for (Exported x : exports()) {
			if (x.version() != null) {
				versions.put(x.pkg(), x.version());
			}
		}
		Set<String> violations = new TreeSet<>();
		for (Map.Entry<String, Manifest> e : SourceTree.manifests().entrySet()) {
			for (String clause : split(e.getValue().getMainAttributes().getValue("Import-Package"), ',')) {
				String pkg = split(clause, ';').get(0);
				String range = parameters(clause).get("version");
				String version = versions.get(pkg);
				if (pkg.startsWith("org.herald.") && version != null && range != null && !inRange(range, version)) {
					violations.add(e.getKey() + " imports " + pkg + " " + range + " but it is exported as " + version);
				}
			}
		}
		assertEquals(Set.of(), violations);
	}

	@Test
	void theParsersReadWhatTheChecksRelyOn() {
		assertEquals(List.of("a;version=\"1.0\";x-friends:=\"b,c\"", "d"), split("a;version=\"1.0\";x-friends:=\"b,c\", d", ','));
		assertEquals("x-friends:=\"b,c\"", scope(parameters("a;version=\"1.0\";x-friends:=\"b,c\"")));
		assertEquals(new Source(true, true, "1.2.3", "x-internal:=true"),
				source("@org.osgi.annotation.bundle.Export(attribute = \"x-internal:=true\")\n@org.osgi.annotation.versioning.Version(\"1.2.3\")\npackage a;"));
		assertEquals(new Source(true, true, "0.1.0", "x-friends:=\"b,c\""),
				source("@org.osgi.annotation.bundle.Export(attribute = \"x-friends:=\\\"b,c\\\"\")\n@org.osgi.annotation.versioning.Version(\"0.1.0\")\npackage a;"));
		assertEquals(new Source(true, false, null, null), source("/** no annotations */ package a;"));
		assertEquals("1.0.0", normal("1"));
		assertTrue(inRange("[0.1.0,0.2.0)", "0.1.0"));
		assertTrue(!inRange("[0.1.0,0.2.0)", "0.2.0"));
		assertTrue(inRange("1.0", "1.5.0"));
		assertTrue(!inRange("(1.0,2.0]", "1.0.0"));
	}
}
