/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.herald.api.NetbiosName;

/**
 * The extra names this host receives under (like {@code NET NAME ALIAS /ADD}), kept in the
 * workspace's {@code aliases.txt}: one a line, the name, and for a user of a multi-session host a
 * tab and the workspace whose inbox receives that user's messages. A line without a workspace is
 * an alias of this host: its messages go into this workspace's inbox. Changed under
 * {@code aliases.txt.lock} and replaced durably ({@link WorkspaceTextFile}); a running listener
 * reads it again when its time stamp moves.
 */
public final class Aliases {

	/** The file's name in the workspace. */
	public static final String FILE = "aliases.txt";

	/**
	 * One name Herald receives under besides its own.
	 *
	 * @param name      the name (upper-cased, without suffix); registered as NAME&lt;03&gt;
	 * @param workspace where its messages are stored; empty: this workspace's inbox
	 */
	public record Alias(String name, Optional<Path> workspace) {
		public Alias {
			name = checkName(name);
			if (workspace.isPresent() && !workspace.get().isAbsolute()) {
				throw new IllegalArgumentException("the workspace of " + name + " must be an absolute path, not '" + workspace.get() + "'");
			}
			workspace = workspace.map(Path::normalize);
		}

		public NetbiosName messengerName() {
			return new NetbiosName(name, NetbiosName.MESSENGER);
		}

		/** {@code NAME} or {@code NAME<TAB>WORKSPACE}, as the file has it. */
		String line() {
			return workspace.map(w -> name + "\t" + w).orElse(name);
		}

		@Override
		public String toString() {
			return workspace.map(w -> name + " -> " + w).orElse(name);
		}
	}

	private final WorkspaceTextFile file;

	private Aliases(Path file) {
		this.file = new WorkspaceTextFile(file);
	}

	/** The aliases of {@code workspace}. */
	public static Aliases in(Path workspace) {
		return new Aliases(workspace.resolve(FILE));
	}

	public Path path() {
		return file.path();
	}

	/** A valid NetBIOS name (1 to 15 characters, none of {@code \/:*?"<>|}), upper-cased. */
	public static String checkName(String text) {
		String s = NetbiosName.upperAscii(text.strip());
		String problem = NetbiosName.problemWith(s);
		if (problem != null) {
			throw new IllegalArgumentException("alias '" + text + "': " + problem);
		}
		return s;
	}

	/** {@code NAME=WORKSPACE}, as {@code --user} takes it. */
	public static Alias parseUser(String text) {
		int eq = text.indexOf('=');
		if (eq <= 0 || eq == text.length() - 1) {
			throw new IllegalArgumentException("--user wants NAME=WORKSPACE_DIR, not '" + text + "'");
		}
		return new Alias(text.substring(0, eq), Optional.of(Path.of(text.substring(eq + 1).strip())));
	}

	/** The aliases in the file's order; none when there is no file. A damaged line is an error naming it. */
	public List<Alias> all() throws IOException {
		return parse(file.lines(), file.path());
	}

	static List<Alias> parse(List<String> lines, Path where) throws IOException {
		Map<String, Alias> all = new LinkedHashMap<>();
		int n = 0;
		for (String line : lines) {
			n++;
			if (line.isBlank() || line.startsWith("#")) {
				continue;
			}
			String[] f = line.split("\t", -1);
			try {
				if (f.length > 2) {
					throw new IllegalArgumentException("more than a name and a workspace");
				}
				Alias a = new Alias(f[0], f.length == 2 && !f[1].isBlank() ? Optional.of(Path.of(f[1].strip())) : Optional.empty());
				all.put(a.name(), a);
			} catch (IllegalArgumentException e) {
				throw new IOException(where + " line " + n + ": " + e.getMessage(), e);
			}
		}
		return List.copyOf(all.values());
	}

	/** The file's time stamp, or empty while there is none: a reader compares it to know when to read again. */
	Optional<FileTime> stamp() {
		try {
			return Optional.of(Files.getLastModifiedTime(file.path()));
		} catch (NoSuchFileException e) {
			return Optional.empty();
		} catch (IOException e) {
			return Optional.empty();
		}
	}

	/**
	 * Adds {@code alias}, or replaces the one of that name.
	 *
	 * @return true if one of that name was replaced
	 */
	public boolean put(Alias alias) throws IOException {
		return file.locked(() -> {
			List<Alias> now = new ArrayList<>(all());
			boolean replaced = now.removeIf(a -> a.name().equals(alias.name()));
			now.add(alias);
			write(now);
			return replaced;
		});
	}

	/** Removes the alias {@code name}; false if there is none. */
	public boolean remove(String name) throws IOException {
		String n = checkName(name);
		return file.locked(() -> {
			List<Alias> now = new ArrayList<>(all());
			boolean removed = now.removeIf(a -> a.name().equals(n));
			if (removed) {
				write(now);
			}
			return removed;
		});
	}

	private void write(List<Alias> all) throws IOException {
		StringBuilder b = new StringBuilder("# Herald's aliases: NAME, or NAME<TAB>WORKSPACE for a user's own inbox (herald alias)\n");
		for (Alias a : all) {
			b.append(a.line()).append('\n');
		}
		file.replace(b.toString());
	}
}
