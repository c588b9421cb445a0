/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.extensions.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import org.herald.extensions.Repositories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepositoriesTest {

	@TempDir
	Path dir;

	@Test
	void folderBecomesFileUri() {
		assertEquals(dir.toUri(), Repositories.parse(dir.toString()));
	}

	@Test
	void zipBecomesJarUri() throws Exception {
		Path zip = Files.writeString(dir.resolve("site.zip"), "x");
		assertEquals(URI.create("jar:" + zip.toUri() + "!/"), Repositories.parse(zip.toString()));
	}

	@Test
	void urlsPassThrough() {
		assertEquals(URI.create("http://127.0.0.1:8080/site/"), Repositories.parse(" http://127.0.0.1:8080/site/ "));
		assertEquals(URI.create("file:/opt/site/"), Repositories.parse("file:/opt/site/"));
	}

	@Test
	void badInputSaysWhy() {
		assertTrue(assertThrows(IllegalArgumentException.class, () -> Repositories.parse("ftp://host/site")).getMessage().contains("not ftp:"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> Repositories.parse(dir.resolve("gone").toString())).getMessage()
				.contains("no folder"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> Repositories.parse("  ")).getMessage().contains("got nothing"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> Repositories.parse("http:///x")).getMessage().contains("names no host"));
	}
}
