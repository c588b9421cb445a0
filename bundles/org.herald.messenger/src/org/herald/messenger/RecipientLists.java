/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.herald.messenger.internal.WorkspaceTextFile;

/**
 * The recipient lists of a workspace ({@code herald lists}, the composer's {@code @NAME}): kept in
 * {@code recipient-lists.txt}, one list a line, its name and then its members, tab-separated.
 * Changes take the lock {@code recipient-lists.txt.lock} and replace the file durably (new file,
 * force, atomic move), so the CLI and the workbench share it. A member is a target as
 * {@link Recipient#parse} reads it, or another list; a list that would reach itself is refused.
 * <p>
 * Bad input (a bad list name, an unknown list, a member that is no target, a cycle) is an
 * {@link IllegalArgumentException} whose message says what is wrong; a file that cannot be read or
 * written, an {@link IOException}.
 */
public final class RecipientLists {

	/** What marks a list in a recipient field: {@code @ADMINS}. */
	public static final String PREFIX = "@";

	/** The longest list name. */
	public static final int MAX_NAME = StoreNames.MAX;

	static final String FILE = "recipient-lists.txt";
	private static final String HEADER = "# Herald recipient lists (herald lists): a list's name, then its members, tab-separated\n";

	/**
	 * Targets with their lists expanded.
	 *
	 * @param recipients every recipient once, in the order first reached
	 * @param lists      for each list given (at the top), the recipients it brought, as their labels
	 */
	public record Expansion(List<Recipient> recipients, Map<String, List<String>> lists) {
		public Expansion {
			recipients = List.copyOf(recipients);
			lists = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(lists));
		}
	}

	private final WorkspaceTextFile file;

	private RecipientLists(Path workspace) {
		this.file = new WorkspaceTextFile(workspace.resolve(FILE));
	}

	/** The lists of {@code workspace} (the {@code -data} folder). */
	public static RecipientLists in(Path workspace) {
		return new RecipientLists(workspace);
	}

	/** Whether {@code target} names a list ({@code @NAME}). */
	public static boolean isList(String target) {
		return target.strip().startsWith(PREFIX);
	}

	/**
	 * The list name in {@code text}, with or without its {@code @}, upper-cased.
	 *
	 * @throws IllegalArgumentException if it is not a valid list name
	 */
	public static String name(String text) {
		String s = text.strip();
		if (s.startsWith(PREFIX)) {
			s = s.substring(1);
		}
		return StoreNames.check("list", s);
	}

	/** Every list, by name. */
	public List<RecipientList> all() throws IOException {
		return List.copyOf(read().values());
	}

	/** The list {@code name} ({@code @} optional), if there is one. */
	public Optional<RecipientList> get(String name) throws IOException {
		return Optional.ofNullable(read().get(name(name)));
	}

	/**
	 * Adds {@code members} to the list {@code name}, creating it; members it has already are not
	 * added twice.
	 *
	 * @return the list as it is now
	 * @throws IllegalArgumentException if the name is bad, a member is no target or an unknown list,
	 *                                  or a member list would lead back to this one
	 */
	public RecipientList add(String name, List<String> members) throws IOException {
		String key = name(name);
		if (members.isEmpty()) {
			throw new IllegalArgumentException("no member to add to @" + key);
		}
		return file.locked(() -> {
			TreeMap<String, RecipientList> lists = read();
			List<String> now = new ArrayList<>(lists.containsKey(key) ? lists.get(key).members() : List.of());
			for (String m : members) {
				String member = member(m);
				if (isList(member) && !lists.containsKey(name(member)) && !name(member).equals(key)) {
					throw new IllegalArgumentException("unknown list " + member + ": create it first (herald lists add " + name(member)
							+ " MEMBER...)");
				}
				if (now.stream().noneMatch(x -> same(x, member))) {
					now.add(member);
				}
			}
			RecipientList changed = new RecipientList(key, now);
			lists.put(key, changed);
			String cycle = cycleFrom(key, lists, new ArrayList<>());
			if (cycle != null) {
				throw new IllegalArgumentException("refused: " + cycle + " would be a cycle");
			}
			write(lists);
			return changed;
		});
	}

	/**
	 * Removes {@code members} from the list {@code name}, or the whole list when none are given. A
	 * list left without members is removed too.
	 *
	 * @return the list as it is now; empty when it was removed
	 * @throws IllegalArgumentException if there is no such list, a member is not in it, or the list
	 *                                  to remove is a member of another list
	 */
	public Optional<RecipientList> remove(String name, List<String> members) throws IOException {
		String key = name(name);
		return file.locked(() -> {
			TreeMap<String, RecipientList> lists = read();
			RecipientList list = lists.get(key);
			if (list == null) {
				throw unknown(key, lists);
			}
			List<String> now = new ArrayList<>(members.isEmpty() ? List.of() : list.members());
			for (String m : members) {
				String member = m.strip();
				if (!now.removeIf(x -> same(x, member))) {
					throw new IllegalArgumentException(member + " is not a member of @" + key);
				}
			}
			Optional<RecipientList> result;
			if (now.isEmpty()) {
				for (RecipientList other : lists.values()) {
					if (!other.name().equals(key) && other.members().stream().anyMatch(x -> isList(x) && name(x).equals(key))) {
						throw new IllegalArgumentException("@" + key + " is a member of @" + other.name() + ": remove it there first");
					}
				}
				lists.remove(key);
				result = Optional.empty();
			} else {
				result = Optional.of(new RecipientList(key, now));
				lists.put(key, result.get());
			}
			write(lists);
			return result;
		});
	}

	/**
	 * Expands the lists among {@code targets}; the other targets are parsed as
	 * {@link Recipient#parse} does. Each recipient comes once.
	 *
	 * @throws IllegalArgumentException for a target that is no recipient, an unknown list or a cycle
	 */
	public Expansion expand(List<String> targets) throws IOException {
		TreeMap<String, RecipientList> lists = null;
		Set<Recipient> out = new LinkedHashSet<>();
		Map<String, List<String>> brought = new LinkedHashMap<>();
		for (String t : targets) {
			if (isList(t)) {
				if (lists == null) {
					lists = read();
				}
				String key = name(t);
				Set<Recipient> members = new LinkedHashSet<>();
				collect(key, lists, new ArrayList<>(), members);
				brought.put(PREFIX + key, members.stream().map(Recipient::label).toList());
				out.addAll(members);
			} else {
				out.add(Recipient.parse(t));
			}
		}
		return new Expansion(new ArrayList<>(out), brought);
	}

	private static void collect(String key, Map<String, RecipientList> lists, List<String> path, Set<Recipient> out) {
		RecipientList list = lists.get(key);
		if (list == null) {
			throw path.isEmpty() ? unknown(key, lists)
					: new IllegalArgumentException("@" + path.get(path.size() - 1) + " names @" + key + ", which is no list (any more)");
		}
		if (path.contains(key)) {
			throw new IllegalArgumentException("the lists form a cycle: " + arrow(path, key));
		}
		path.add(key);
		for (String m : list.members()) {
			if (isList(m)) {
				collect(name(m), lists, path, out);
			} else {
				out.add(Recipient.parse(m));
			}
		}
		path.remove(path.size() - 1);
	}

	/** The first cycle reached from {@code key}, written {@code @A -> @B -> @A}, or null. */
	private static String cycleFrom(String key, Map<String, RecipientList> lists, List<String> path) {
		if (path.contains(key)) {
			return arrow(path.subList(path.indexOf(key), path.size()), key);
		}
		RecipientList list = lists.get(key);
		if (list == null) {
			return null;
		}
		path.add(key);
		for (String m : list.members()) {
			if (isList(m)) {
				String c = cycleFrom(name(m), lists, path);
				if (c != null) {
					return c;
				}
			}
		}
		path.remove(path.size() - 1);
		return null;
	}

	private static String arrow(List<String> path, String back) {
		StringBuilder b = new StringBuilder();
		for (String p : path) {
			b.append('@').append(p).append(" -> ");
		}
		return b.append('@').append(back).toString();
	}

	private static IllegalArgumentException unknown(String key, Map<String, RecipientList> lists) {
		return new IllegalArgumentException("unknown list @" + key + (lists.isEmpty() ? "; there are no lists yet (herald lists add " + key + " MEMBER...)"
				: "; the lists are " + String.join(", ", lists.values().stream().map(RecipientList::label).toList())));
	}

	/** A member as it is stored: a list as {@code @NAME}, a target as given once it parses. */
	static String member(String text) {
		String s = text.strip();
		if (isList(s)) {
			return PREFIX + name(s);
		}
		try {
			Recipient.parse(s);
		} catch (IllegalArgumentException e) {
			throw new IllegalArgumentException("'" + s + "' is not a target: " + e.getMessage());
		}
		return s;
	}

	/** Whether two members address the same: the same list, or targets that parse alike. */
	private static boolean same(String a, String b) {
		if (isList(a) || isList(b)) {
			return isList(a) && isList(b) && name(a).equals(name(b));
		}
		try {
			return Recipient.parse(a).equals(Recipient.parse(b));
		} catch (IllegalArgumentException e) {
			return a.equalsIgnoreCase(b);
		}
	}

	private TreeMap<String, RecipientList> read() throws IOException {
		TreeMap<String, RecipientList> lists = new TreeMap<>();
		int n = 0;
		for (String line : file.lines()) {
			n++;
			if (line.isBlank() || line.startsWith("#")) {
				continue;
			}
			String[] f = line.split("\t");
			try {
				String key = name(f[0]);
				lists.put(key, new RecipientList(key, List.of(f).subList(1, f.length)));
			} catch (IllegalArgumentException e) {
				throw new IOException(file.path() + " line " + n + ": " + e.getMessage() + "; fix or remove the line");
			}
		}
		return lists;
	}

	private void write(Map<String, RecipientList> lists) throws IOException {
		StringBuilder b = new StringBuilder(HEADER);
		for (RecipientList l : lists.values()) {
			b.append(l.name());
			l.members().forEach(m -> b.append('\t').append(m));
			b.append('\n');
		}
		file.replace(b.toString());
	}
}
