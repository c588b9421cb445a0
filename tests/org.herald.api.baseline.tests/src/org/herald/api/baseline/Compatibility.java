/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.api.baseline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.herald.api.baseline.PackageApi.Element;
import org.osgi.framework.Version;

/**
 * OSGi semantic versioning (the OSGi Alliance's "Semantic Versioning" white paper, and Core
 * 3.2.5 for what the segments mean) applied to two signatures of a package: what its importers
 * would see change, and the version that change needs.
 * <ul>
 * <li>A removed or changed element (type, supertype, member, constant value, modifiers, generics)
 * breaks code compiled against the baseline: a major change.</li>
 * <li>An added element breaks no user: a minor change. The exception is an abstract method added
 * to a type its users may implement or extend (an interface or an abstract class that is neither
 * sealed nor final nor {@code @ProviderType}, OSGi's consumer types): their implementations no
 * longer compile, a major change. Added default methods are minor.</li>
 * <li>No change: the version stays, or only its micro part rises (a fix inside the package). A
 * minor or major rise without a change, or a version lower than the baseline's, is wrong too:
 * importers' ranges would move for nothing.</li>
 * </ul>
 */
final class Compatibility {

	enum Level {
		NONE, MINOR, MAJOR
	}

	/** One difference between the baseline and the current signature, and what it needs. */
	record Change(String what, Element element, Level level) {

		String line() {
			return what + " " + element.line();
		}
	}

	/** What comparing one package found: the changes, the version they need and, when it is wrong, why. */
	record Verdict(String pkg, Version baseline, Version current, List<Change> changes, Level level, Version needed, String problem) {

		boolean ok() {
			return problem == null;
		}
	}

	private Compatibility() {
	}

	static List<Change> changes(PackageApi baseline, PackageApi current) {
		Map<String, Element> before = baseline.byId();
		Map<String, Element> after = current.byId();
		Map<String, Element> oldTypes = baseline.types();
		Map<String, Element> newTypes = current.types();
		List<Change> changes = new ArrayList<>();
		for (Element e : before.values()) {
			Element now = after.get(e.id());
			if (!newTypes.containsKey(e.type())) {
				if (e.key().equals("type")) {
					changes.add(new Change("removed type", e, Level.MAJOR));
				}
			} else if (now == null) {
				changes.add(new Change("removed", e, Level.MAJOR));
			} else if (!now.text().equals(e.text())) {
				changes.add(new Change("changed from '" + e.text() + "' to", now, Level.MAJOR));
			}
		}
		for (Element e : after.values()) {
			if (before.containsKey(e.id())) {
				continue;
			}
			if (!oldTypes.containsKey(e.type())) {
				if (e.key().equals("type")) {
					changes.add(new Change("added type", e, Level.MINOR));
				}
			} else if (e.kind().equals("method") && isAbstract(e) && implementedByUsers(newTypes.get(e.type()))) {
				changes.add(new Change("added abstract method to a type users implement (not @ProviderType)", e, Level.MAJOR));
			} else {
				changes.add(new Change("added", e, Level.MINOR));
			}
		}
		return changes;
	}

	private static boolean isAbstract(Element method) {
		return (" " + method.text()).contains(" abstract ");
	}

	/** A consumer type: an interface or abstract class outside code may implement, not marked {@code @ProviderType}. */
	static boolean implementedByUsers(Element typeHeader) {
		String d = " " + typeHeader.text() + " ";
		boolean implementable = d.contains(" interface ") || d.contains(" abstract class ");
		return implementable && !d.contains(" sealed ") && !d.contains(" final ") && !d.contains("@ProviderType") && !d.contains(" @interface ");
	}

	static Verdict verdict(PackageApi baseline, PackageApi current) {
		List<Change> changes = changes(baseline, current);
		Level level = changes.stream().map(Change::level).max(Enum::compareTo).orElse(Level.NONE);
		Version b = baseline.version();
		Version v = current.version();
		Version needed = switch (level) {
			case MAJOR -> new Version(b.getMajor() + 1, 0, 0);
			case MINOR -> new Version(b.getMajor(), b.getMinor() + 1, 0);
			case NONE -> b;
		};
		String problem = null;
		Version bare = new Version(v.getMajor(), v.getMinor(), v.getMicro());
		if (bare.compareTo(new Version(b.getMajor(), b.getMinor(), b.getMicro())) < 0) {
			problem = "version " + v + " is lower than the baseline's " + b;
		} else if (level == Level.MAJOR && v.getMajor() == b.getMajor()) {
			problem = "needs version " + needed + " (a major change), is " + v;
		} else if (level == Level.MINOR && v.getMajor() == b.getMajor() && v.getMinor() == b.getMinor()) {
			problem = "needs version " + needed + " (a minor change), is " + v;
		} else if (level == Level.NONE && (v.getMajor() != b.getMajor() || v.getMinor() != b.getMinor())) {
			problem = "version raised to " + v + " but its API did not change: keep " + b + " (or raise only the micro part for a fix)";
		}
		return new Verdict(current.name(), b, v, changes, level, needed, problem);
	}

	/**
	 * Every package of the baseline against the current ones; a package of the baseline that is gone
	 * (or no longer exported, or made internal) is a major change nothing can version. Returns the
	 * problems, one text each, naming the package, the changes and the version needed.
	 */
	static List<String> problems(Map<String, PackageApi> baseline, Map<String, PackageApi> current) {
		List<String> problems = new ArrayList<>();
		for (PackageApi b : baseline.values()) {
			PackageApi now = current.get(b.name());
			if (now == null) {
				problems.add("package " + b.name() + " " + b.version()
						+ " is no longer exported for all (removed, moved, or made internal/x-friends): a major change for every importer");
				continue;
			}
			Verdict v = verdict(b, now);
			if (!v.ok()) {
				StringBuilder text = new StringBuilder("package " + v.pkg() + " (baseline " + v.baseline() + "): " + v.problem());
				v.changes().forEach(c -> text.append("\n    ").append(c.level()).append(": ").append(c.line()));
				problems.add(text.toString());
			}
		}
		return problems;
	}

	/** Packages exported now that the baseline does not hold yet (new API: no importer to break). */
	static Set<String> added(Map<String, PackageApi> baseline, Map<String, PackageApi> current) {
		Set<String> added = new TreeSet<>(current.keySet());
		added.removeAll(baseline.keySet());
		return added;
	}
}
