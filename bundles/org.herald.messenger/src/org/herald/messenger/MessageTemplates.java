/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.herald.messenger.internal.WorkspaceTextFile;

/**
 * The message templates of a workspace ({@code herald templates}, {@code herald send --template},
 * the composer's Template drop-down): kept in {@code message-templates.txt}, one template a line,
 * its name, a tab, and its text with backslash, tab and line ends escaped ({@code \\}, {@code \t},
 * {@code \n}, {@code \r}). Changes take {@code message-templates.txt.lock} and replace the file
 * durably (new file, force, atomic move), like {@link RecipientLists}.
 */
public final class MessageTemplates {

	static final String FILE = "message-templates.txt";
	private static final String HEADER = "# Herald message templates (herald templates): a name, a tab, the text (\\n, \\t, \\\\ escaped)\n";

	private final WorkspaceTextFile file;

	private MessageTemplates(Path workspace) {
		this.file = new WorkspaceTextFile(workspace.resolve(FILE));
	}

	/** The templates of {@code workspace} (the {@code -data} folder). */
	public static MessageTemplates in(Path workspace) {
		return new MessageTemplates(workspace);
	}

	/**
	 * A template name upper-cased.
	 *
	 * @throws IllegalArgumentException if it is not 1 to 32 letters, digits and (not first) {@code - _ .}
	 */
	public static String name(String text) {
		return StoreNames.check("template", text);
	}

	public List<MessageTemplate> all() throws IOException {
		return List.copyOf(read().values());
	}

	/** The template {@code name}; an {@link IllegalArgumentException} that names the templates there are if there is none. */
	public MessageTemplate get(String name) throws IOException {
		String key = name(name);
		TreeMap<String, MessageTemplate> all = read();
		MessageTemplate t = all.get(key);
		if (t == null) {
			throw new IllegalArgumentException("unknown template " + key + (all.isEmpty() ? "; there are no templates yet (herald templates add "
					+ key + " TEXT)" : "; the templates are " + String.join(", ", all.keySet())));
		}
		return t;
	}

	/**
	 * Keeps {@code text} as the template {@code name}, replacing one of that name.
	 *
	 * @return whether a template of that name was replaced
	 */
	public boolean put(String name, String text) throws IOException {
		MessageTemplate t = new MessageTemplate(name(name), text);
		return file.locked(() -> {
			TreeMap<String, MessageTemplate> all = read();
			boolean replaced = all.put(t.name(), t) != null;
			write(all);
			return replaced;
		});
	}

	/** Removes the template {@code name}; an {@link IllegalArgumentException} if there is none. */
	public void remove(String name) throws IOException {
		String key = name(name);
		file.locked(() -> {
			TreeMap<String, MessageTemplate> all = read();
			if (all.remove(key) == null) {
				get(key); // says which there are
			}
			write(all);
			return null;
		});
	}

	private TreeMap<String, MessageTemplate> read() throws IOException {
		TreeMap<String, MessageTemplate> all = new TreeMap<>();
		int n = 0;
		for (String line : file.lines()) {
			n++;
			if (line.isBlank() || line.startsWith("#")) {
				continue;
			}
			int tab = line.indexOf('\t');
			try {
				if (tab < 0) {
					throw new IllegalArgumentException("no tab between the name and the text");
				}
				String key = name(line.substring(0, tab));
				all.put(key, new MessageTemplate(key, unescape(line.substring(tab + 1))));
			} catch (IllegalArgumentException e) {
				throw new IOException(file.path() + " line " + n + ": " + e.getMessage() + "; fix or remove the line");
			}
		}
		return all;
	}

	private void write(Map<String, MessageTemplate> all) throws IOException {
		StringBuilder b = new StringBuilder(HEADER);
		all.values().forEach(t -> b.append(t.name()).append('\t').append(escape(t.text())).append('\n'));
		file.replace(b.toString());
	}

	static String escape(String text) {
		return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
	}

	static String unescape(String text) {
		StringBuilder b = new StringBuilder();
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c != '\\') {
				b.append(c);
				continue;
			}
			if (++i == text.length()) {
				throw new IllegalArgumentException("a backslash at the end of the text");
			}
			b.append(switch (text.charAt(i)) {
			case '\\' -> '\\';
			case 't' -> '\t';
			case 'n' -> '\n';
			case 'r' -> '\r';
			default -> throw new IllegalArgumentException("unknown escape \\" + text.charAt(i));
			});
		}
		return b.toString();
	}

	/** The template {@code name}, if there is one. */
	public Optional<MessageTemplate> find(String name) throws IOException {
		return Optional.ofNullable(read().get(name(name)));
	}
}
