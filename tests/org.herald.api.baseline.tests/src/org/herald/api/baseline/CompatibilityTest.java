/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.api.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.herald.api.baseline.Compatibility.Level;
import org.herald.api.baseline.Compatibility.Verdict;
import org.herald.api.baseline.PackageApi.Element;
import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.Version;

/**
 * The baseline check's own rules, on two real versions of a small API compiled into this bundle
 * ({@code fixture.v1} and {@code fixture.v2}: each type shows one kind of change), read the same
 * way as Herald's bundles. Each rule fires, and says which package, which member and what version
 * it needs. Opens no socket.
 */
class CompatibilityTest {

	private static final String V1 = "org.herald.api.baseline.fixture.v1";
	private static final String V2 = "org.herald.api.baseline.fixture.v2";

	/** The signature of a fixture package, with v2's names read as v1's so the two compare. */
	private static Set<Element> signature(String pkg) throws Exception {
		Set<Element> elements = new TreeSet<>();
		for (Element e : Signatures.of(RuntimeApi.classes(FrameworkUtil.getBundle(CompatibilityTest.class), pkg))) {
			elements.add(new Element(e.type().replace(V2, V1), e.key().replace(V2, V1), e.text().replace(V2, V1)));
		}
		return elements;
	}

	/** One type of a fixture (and its member types) as a package of its own at {@code version}. */
	private static PackageApi only(String pkg, String simpleName, String version) throws Exception {
		String type = V1 + "." + simpleName;
		Set<Element> elements = signature(pkg).stream().filter(e -> e.type().equals(type) || e.type().startsWith(type + "$"))
				.collect(Collectors.toCollection(TreeSet::new));
		return new PackageApi(V1, Version.parseVersion(version), new TreeSet<>(elements));
	}

	private static Verdict verdict(String type, String baseline, String current) throws Exception {
		return Compatibility.verdict(only(V1, type, baseline), only(V2, type, current));
	}

	private static Set<String> lines(String pkg, String type) throws Exception {
		return only(pkg, type, "1.0.0").elements().stream().map(Element::line).collect(Collectors.toCollection(TreeSet::new));
	}

	@Test
	void theSignatureHoldsDeclarationsMembersAndConstants() throws Exception {
		Set<String> same = lines(V1, "Same");
		String t = V1 + ".Same";
		assertTrue(same.contains(t + " | type | public final class"), same.toString());
		assertTrue(same.contains(t + " | field MARK | public static final char MARK = (char) 120"), same.toString());
		assertTrue(same.contains(t + " | field ON | public static final boolean ON = true"), same.toString());
		assertTrue(same.contains(t + " | field BIG | public static final long BIG = 1099511627776L"), same.toString());
		assertTrue(same.contains(t + " | field HALF | public static final float HALF = 0.5f"), same.toString());
		assertTrue(same.contains(t + " | field TEXT | public static final java.lang.String TEXT = \"a\\u007cb\\\"c\""), same.toString());
		assertTrue(same.contains(t + " | constructor () | public Same()"), same.toString());
		assertTrue(same.contains(t + " | method sorted(java.util.Collection,java.lang.String[]) | public <T extends java.lang.Comparable<T>> java.util.List<T>"
				+ " sorted(java.util.Collection<? extends T>, java.lang.String...) throws java.io.IOException"), same.toString());
		assertTrue(same.contains(t + "$Inner | type | public static final class"), same.toString());
		assertTrue(same.contains(t + "$Inner | method size() | public int size()"), same.toString());
		assertFalse(same.stream().anyMatch(l -> l.contains("hook")), "a protected member of a final class is not API: " + same);

		assertTrue(lines(V1, "Registry").contains(V1 + ".Registry | type | @ProviderType public interface"));
		assertTrue(lines(V1, "Greeter").contains(V1 + ".Greeter | method greet(java.lang.String) | public abstract java.lang.String greet(java.lang.String)"));
		assertTrue(lines(V1, "Point").contains(V1 + ".Point | method x() | public int x()"));
		assertTrue(lines(V1, "Color").contains(V1 + ".Color | field GREEN | public static final " + V1 + ".Color GREEN"));
		assertTrue(lines(V1, "Old").contains(V1 + ".Old | field counter | protected int counter"), "protected in an extendable class is API");
		assertFalse(signature(V1).stream().anyMatch(e -> e.type().endsWith(".Helper")), "a package-private class is not API");
	}

	@Test
	void nothingChangedKeepsTheVersionOrRaisesOnlyItsMicroPart() throws Exception {
		assertEquals(Level.NONE, verdict("Same", "1.0.0", "1.0.0").level());
		assertTrue(verdict("Same", "1.0.0", "1.0.0").ok());
		assertTrue(verdict("Same", "1.0.0", "1.0.1").ok(), "a fix inside the package");
		Verdict raised = verdict("Same", "1.0.0", "1.1.0");
		assertFalse(raised.ok());
		assertEquals("version raised to 1.1.0 but its API did not change: keep 1.0.0 (or raise only the micro part for a fix)", raised.problem());
		assertFalse(verdict("Same", "1.0.0", "2.0.0").ok());
		assertEquals("version 0.9.0 is lower than the baseline's 1.0.0", verdict("Same", "1.0.0", "0.9.0").problem());
		assertTrue(verdict("Helper", "1.0.0", "1.0.0").changes().isEmpty(), "what a package-private class gains is no change");
	}

	@Test
	void anAddedMemberNeedsAMinorBump() throws Exception {
		for (String type : List.of("Greeter", "Registry", "Point")) {
			Verdict v = verdict(type, "1.0.0", "1.0.0");
			assertEquals(Level.MINOR, v.level(), type + ": " + v.changes());
			assertEquals("needs version 1.1.0 (a minor change), is 1.0.0", v.problem(), type);
			assertTrue(verdict(type, "1.0.0", "1.1.0").ok(), type);
			assertTrue(verdict(type, "1.0.0", "2.0.0").ok(), type + ": more than needed is allowed");
			assertFalse(verdict(type, "1.0.0", "1.0.5").ok(), type + ": a micro bump is not enough");
		}
		assertEquals("added " + V1 + ".Greeter | method greetAll(java.util.List) | public default java.lang.String greetAll(java.util.List<java.lang.String>)",
				verdict("Greeter", "1.0.0", "1.1.0").changes().get(0).line());
		assertEquals("added " + V1 + ".Registry | method isEmpty() | public abstract boolean isEmpty()",
				verdict("Registry", "1.0.0", "1.1.0").changes().get(0).line(), "abstract, but in a @ProviderType: minor");
	}

	@Test
	void anAbstractMethodAddedToATypeUsersImplementNeedsAMajorBump() throws Exception {
		Verdict v = verdict("Listener", "1.0.0", "1.1.0");
		assertEquals(Level.MAJOR, v.level());
		assertEquals("needs version 2.0.0 (a major change), is 1.1.0", v.problem());
		assertEquals("added abstract method to a type users implement (not @ProviderType) " + V1 + ".Listener | method closed(java.lang.String)"
				+ " | public abstract void closed(java.lang.String)", v.changes().get(0).line());
		assertTrue(verdict("Listener", "1.0.0", "2.0.0").ok());
	}

	@Test
	void aRemovedOrChangedMemberNeedsAMajorBump() throws Exception {
		Verdict constant = verdict("Limits", "0.1.0", "0.2.0");
		assertEquals("needs version 1.0.0 (a major change), is 0.2.0", constant.problem());
		assertEquals(List.of("changed from 'public static final int MAX = 16' to " + V1 + ".Limits | field MAX | public static final int MAX = 32"),
				constant.changes().stream().map(Compatibility.Change::line).toList());

		Verdict removed = verdict("Color", "1.0.0", "1.1.0");
		assertEquals(Level.MAJOR, removed.level());
		assertEquals("removed " + V1 + ".Color | field GREEN | public static final " + V1 + ".Color GREEN", removed.changes().get(0).line());

		Verdict returns = verdict("Shape", "1.0.0", "1.0.0");
		assertEquals(Level.MAJOR, returns.level());
		assertEquals("changed from 'public double area()' to " + V1 + ".Shape | method area() | public float area()", returns.changes().get(0).line());
		assertTrue(verdict("Shape", "1.0.0", "2.0.0").ok());
	}

	@Test
	void typesComeAndGoWhole() throws Exception {
		PackageApi before = new PackageApi(V1, new Version(1, 0, 0), signature(V1));
		PackageApi after = new PackageApi(V1, new Version(1, 1, 0), signature(V2));
		Verdict v = Compatibility.verdict(before, after);
		Set<String> whole = v.changes().stream().filter(c -> c.what().endsWith("type")).map(Compatibility.Change::line).collect(Collectors.toSet());
		assertEquals(Set.of("removed type " + V1 + ".Old | type | public class", "added type " + V1 + ".Fresh | type | public final class"), whole,
				"a type that comes or goes is one change, not one per member");
		assertEquals(Level.MAJOR, v.level());
		assertEquals(new Version(2, 0, 0), v.needed());
	}

	@Test
	void theProblemsNameThePackageTheMemberAndTheVersion() throws Exception {
		Map<String, PackageApi> baseline = Map.of(V1, new PackageApi(V1, new Version(0, 1, 0), signature(V1)), "org.example.gone",
				new PackageApi("org.example.gone", new Version(1, 2, 0), new TreeSet<>()));
		Map<String, PackageApi> current = Map.of(V1, new PackageApi(V1, new Version(0, 1, 0), signature(V2)), "org.example.fresh",
				new PackageApi("org.example.fresh", new Version(0, 1, 0), new TreeSet<>()));
		List<String> problems = Compatibility.problems(baseline, current);
		assertEquals(2, problems.size(), problems.toString());
		String p = problems.stream().filter(s -> s.startsWith("package " + V1)).findFirst().orElseThrow();
		assertTrue(p.startsWith("package " + V1 + " (baseline 0.1.0): needs version 1.0.0 (a major change), is 0.1.0\n"), p);
		assertTrue(p.contains("\n    MAJOR: removed " + V1 + ".Color | field GREEN"), p);
		assertTrue(p.contains("\n    MINOR: added " + V1 + ".Point | method origin() | public static " + V1 + ".Point origin()"), p);
		assertTrue(problems.contains("package org.example.gone 1.2.0 is no longer exported for all (removed, moved, or made internal/x-friends):"
				+ " a major change for every importer"), problems.toString());
		assertEquals(Set.of("org.example.fresh"), Compatibility.added(baseline, current));
		assertTrue(Compatibility.problems(baseline, baseline).isEmpty());
	}

	@Test
	void theBaselineFormatReadsBackWhatItWrote() throws Exception {
		List<PackageApi> packages = List.of(new PackageApi(V1, new Version(0, 3, 1), signature(V1)),
				new PackageApi(V2, new Version(1, 0, 0), new TreeSet<>(Set.of(new Element(V2 + ".A", "type", "public interface")))));
		String text = PackageApi.format(packages, List.of("a comment"));
		assertTrue(text.startsWith("# a comment\npackage " + V1 + " 0.3.1\n  " + V1 + ".Color | "), text);
		Map<String, PackageApi> read = PackageApi.parse(text);
		assertEquals(Set.of(V1, V2), read.keySet());
		assertEquals(packages.get(0), read.get(V1));
		assertEquals(packages.get(1), read.get(V2));
		assertEquals(text, PackageApi.format(read.values(), List.of("a comment")));
		assertNull(PackageApi.parse("# only a comment\n").get("end"), "the reader's end marker is not a package");
	}
}
