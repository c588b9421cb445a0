/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.api.baseline;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.osgi.framework.Version;

/**
 * The public signature of one exported package at one version: a sorted set of elements, each one
 * line of the baseline file.
 */
record PackageApi(String name, Version version, Set<Element> elements) {

	/**
	 * One part of a type's signature. {@code key} names it within its type ({@code type},
	 * {@code extends}, {@code implements java.lang.Comparable}, {@code permits ...}, {@code field NAME},
	 * {@code constructor (PARAMETER TYPES)}, {@code method NAME(PARAMETER TYPES)}, erased, as the JVM
	 * links them); {@code text} is its full declaration, generics, modifiers and constant value included.
	 */
	record Element(String type, String key, String text) implements Comparable<Element> {

		static final String SEPARATOR = " | ";

		Element {
			for (String part : List.of(type, key, text)) {
				if (part.contains(SEPARATOR.strip()) || part.contains("\n")) {
					throw new IllegalArgumentException("'|' or a line break in " + part);
				}
			}
		}

		String kind() {
			int space = key.indexOf(' ');
			return space < 0 ? key : key.substring(0, space);
		}

		/** The element's identity: its type and key. Two elements with one identity and different texts are a change. */
		String id() {
			return type + SEPARATOR + key;
		}

		String line() {
			return type + SEPARATOR + key + SEPARATOR + text;
		}

		static Element parse(String line) {
			String[] f = line.split(" \\| ", 3);
			if (f.length != 3) {
				throw new IllegalArgumentException("not TYPE | KEY | TEXT: " + line);
			}
			return new Element(f[0], f[1], f[2]);
		}

		/** Sorted by type, its declaration first, then supertypes, fields, constructors and methods, each by key. */
		@Override
		public int compareTo(Element o) {
			int c = type.compareTo(o.type);
			if (c == 0) {
				c = Integer.compare(ORDER.indexOf(kind()), ORDER.indexOf(o.kind()));
			}
			if (c == 0) {
				c = key.compareTo(o.key);
			}
			return c != 0 ? c : text.compareTo(o.text);
		}

		private static final List<String> ORDER = List.of("type", "extends", "implements", "permits", "field", "constructor", "method");
	}

	PackageApi {
		elements = Collections.unmodifiableSortedSet(new TreeSet<>(elements));
	}

	/** The elements by identity. */
	Map<String, Element> byId() {
		Map<String, Element> m = new LinkedHashMap<>();
		elements.forEach(e -> m.put(e.id(), e));
		return m;
	}

	/** The header of each type ({@code key} {@code type}), by type name. */
	Map<String, Element> types() {
		Map<String, Element> m = new TreeMap<>();
		elements.stream().filter(e -> e.key().equals("type")).forEach(e -> m.put(e.type(), e));
		return m;
	}

	/**
	 * The baseline file: a comment header, then per package a line {@code package NAME VERSION} and its
	 * elements, indented by two spaces; packages and elements sorted, so regenerating it gives a diff
	 * of exactly what changed.
	 */
	static String format(Collection<PackageApi> packages, List<String> comment) {
		StringBuilder b = new StringBuilder();
		comment.forEach(c -> b.append("# ").append(c).append('\n'));
		SortedMap<String, PackageApi> sorted = new TreeMap<>();
		packages.forEach(p -> sorted.put(p.name(), p));
		for (PackageApi p : sorted.values()) {
			b.append("package ").append(p.name()).append(' ').append(p.version()).append('\n');
			p.elements().forEach(e -> b.append("  ").append(e.line()).append('\n'));
		}
		return b.toString();
	}

	/** Reads what {@link #format} wrote; {@code #} lines and blank lines are skipped. */
	static Map<String, PackageApi> parse(String text) {
		Map<String, PackageApi> packages = new TreeMap<>();
		String name = null;
		Version version = null;
		List<Element> elements = new ArrayList<>();
		int n = 0;
		for (String line : (text + "\npackage end 0\n").split("\n")) {
			n++;
			if (line.isBlank() || line.startsWith("#")) {
				continue;
			}
			if (line.startsWith("package ")) {
				if (name != null) {
					packages.put(name, new PackageApi(name, version, new TreeSet<>(elements)));
				}
				String[] f = line.split(" ");
				if (f.length != 3) {
					throw new IllegalArgumentException("line " + n + ": not 'package NAME VERSION': " + line);
				}
				name = f[1];
				version = Version.parseVersion(f[2]);
				elements.clear();
			} else if (line.startsWith("  ") && name != null) {
				elements.add(Element.parse(line.substring(2)));
			} else {
				throw new IllegalArgumentException("line " + n + ": neither a package nor an element: " + line);
			}
		}
		return packages;
	}
}
