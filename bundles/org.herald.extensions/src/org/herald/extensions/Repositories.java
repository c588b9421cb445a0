/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.extensions;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What a user may type for a repository: a folder, a zip archive, or a {@code file:}, {@code http:} or {@code https:} URL. */
public final class Repositories {

	private Repositories() {
	}

	/**
	 * The p2 location of {@code text}: a folder or a {@code .zip} becomes a {@code file:} (or
	 * {@code jar:file:...!/}) URI. Throws {@link IllegalArgumentException} with the reason otherwise.
	 */
	public static URI parse(String text) {
		String t = text == null ? "" : text.strip();
		if (t.isEmpty()) {
			throw new IllegalArgumentException("a repository is a folder, a .zip, or a file:, http: or https: URL; got nothing");
		}
		int colon = t.indexOf(':');
		if (colon > 1 && t.substring(0, colon).matches("[A-Za-z][A-Za-z0-9+.-]*")) {
			URI uri;
			try {
				uri = new URI(t);
			} catch (URISyntaxException e) {
				throw new IllegalArgumentException("'" + t + "' is not a URL: " + e.getReason());
			}
			String scheme = uri.getScheme().toLowerCase();
			if (!scheme.equals("http") && !scheme.equals("https") && !scheme.equals("file") && !scheme.equals("jar")) {
				throw new IllegalArgumentException("'" + t + "': repositories are folders or file:, http: or https: URLs, not " + scheme + ":");
			}
			if ((scheme.equals("http") || scheme.equals("https")) && (uri.getHost() == null || uri.getHost().isEmpty())) {
				throw new IllegalArgumentException("'" + t + "' names no host");
			}
			return uri;
		}
		Path path = Path.of(t).toAbsolutePath().normalize();
		if (Files.isRegularFile(path) && path.getFileName().toString().toLowerCase().endsWith(".zip")) {
			return URI.create("jar:" + path.toUri() + "!/");
		}
		if (!Files.isDirectory(path)) {
			throw new IllegalArgumentException("no folder " + path + " (a repository is a folder, a .zip, or a file:, http: or https: URL)");
		}
		return path.toUri();
	}
}
