/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.extensions.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The repositories extensions came from (and those the user added), one URI a line in the p2
 * data area: what {@code update} looks in. p2's own list also holds the build's repositories.
 */
final class RepositoryList {

	private final Path file;

	RepositoryList(Path file) {
		this.file = file;
	}

	synchronized List<URI> read() {
		if (!Files.isRegularFile(file)) {
			return List.of();
		}
		try {
			List<URI> uris = new ArrayList<>();
			for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
				if (!line.isBlank() && !line.startsWith("#")) {
					try {
						uris.add(new URI(line.strip()));
					} catch (URISyntaxException e) {
						// a line someone broke by hand: skipped
					}
				}
			}
			return List.copyOf(uris);
		} catch (IOException e) {
			throw new UncheckedIOException("cannot read " + file, e);
		}
	}

	synchronized void add(URI uri) {
		List<URI> uris = new ArrayList<>(read());
		if (uris.contains(uri)) {
			return;
		}
		uris.add(uri);
		StringBuilder text = new StringBuilder("# Repositories of Herald extensions (herald extensions update looks here)\n");
		uris.forEach(u -> text.append(u).append('\n'));
		try {
			Files.createDirectories(file.getParent());
			Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
			Files.writeString(tmp, text, StandardCharsets.UTF_8);
			Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
		} catch (IOException e) {
			throw new UncheckedIOException("cannot write " + file, e);
		}
	}
}
