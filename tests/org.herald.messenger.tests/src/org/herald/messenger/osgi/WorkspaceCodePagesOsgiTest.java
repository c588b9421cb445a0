/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.osgi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.util.List;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.herald.messenger.CodePageRule;
import org.herald.messenger.CodePageStore;
import org.herald.messenger.CodePages;
import org.herald.messenger.internal.WorkspaceCodePages;
import org.osgi.framework.FrameworkUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The code pages in the test runtime's real workspace preferences (needs OSGi: run by the Tycho build). */
class WorkspaceCodePagesOsgiTest {

	private static final String NODE = "org.herald.messenger";

	/** The registered CodePageStore: the workspace's, as the commands and the Messenger get it. */
	private static CodePageStore store() {
		var context = FrameworkUtil.getBundle(WorkspaceCodePagesOsgiTest.class).getBundleContext();
		return context.getService(context.getServiceReference(CodePageStore.class));
	}

	@AfterEach
	void clear() throws Exception {
		var node = InstanceScope.INSTANCE.getNode(NODE);
		node.remove("oem");
		node.remove("oem.rules");
		node.flush();
	}

	@Test
	void aWorkspaceFromBeforeRulesKeepsItsCodePageAsTheDefault() throws Exception {
		var node = InstanceScope.INSTANCE.getNode(NODE);
		node.put("oem", "IBM437"); // what Preferences > Character sets saved before rules existed
		node.flush();
		assertEquals(CodePages.of(Charset.forName("IBM437")), store().load());
		assertEquals("IBM437", store().load().defaultCodePage().name());
	}

	@Test
	void rulesAreSavedNextToTheDefaultAndReadBack() throws Exception {
		CodePageStore store = store();
		assertEquals(CodePages.standard(), store.load());
		CodePages pages = CodePages.of(Charset.forName("IBM852")).with(CodePageRule.parse("DOSBOX", "CP866"))
				.with(CodePageRule.parse("workgroup:ATHENS", "CP737"));
		store.save(pages);
		assertEquals(pages, store.load());
		var node = InstanceScope.INSTANCE.getNode(NODE);
		assertEquals("IBM852", node.get("oem", null));
		assertEquals("host\tDOSBOX\tIBM866\nworkgroup\tATHENS\tx-IBM737\n", node.get("oem.rules", null));
		// the default alone, as the old page saved it, keeps the rules
		((WorkspaceCodePages) store).saveDefault(Charset.forName("IBM850"));
		assertEquals(pages.withDefault(Charset.forName("IBM850")), store.load());
		// a rule this Java cannot read is left out and reported
		node.put("oem.rules", "host\tDOSBOX\tIBM866\nhost\tOLD\tno-such-cp\n");
		assertEquals(List.of(CodePageRule.parse("DOSBOX", "CP866")), store.load().rules());
		assertEquals(1, store.problems().size());
		assertTrue(store.problems().get(0).contains("no-such-cp"));
	}

	@Test
	void rulesAnotherProcessSavedAreFollowedWithoutARestart() throws Exception {
		CodePageStore store = store();
		CodePages before = CodePages.standard().with(CodePageRule.parse("DOSBOX", "CP866"));
		store.save(before);
		assertEquals(before, store.load());
		// another process of this workspace (herald charset, a workbench) writes the preference file
		java.nio.file.Path file = WorkspaceCodePages.preferenceFile().toPath();
		assertTrue(java.nio.file.Files.exists(file), file.toString());
		java.util.Properties saved = new java.util.Properties();
		try (var in = java.nio.file.Files.newInputStream(file)) {
			saved.load(in);
		}
		saved.setProperty("oem.rules", "workgroup\tATHENS\tx-IBM737\n".translateEscapes());
		try (var out = java.nio.file.Files.newOutputStream(file)) {
			saved.store(out, null);
		}
		java.nio.file.Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 2000));
		CodePages after = CodePages.standard().with(CodePageRule.parse("workgroup:ATHENS", "CP737"));
		long deadline = System.nanoTime() + 10_000_000_000L;
		while (!after.equals(store.load()) && System.nanoTime() < deadline) {
			java.util.concurrent.locks.LockSupport.parkNanos(50_000_000L);
		}
		assertEquals(after, store.load(), "the rules saved by the other process are in effect");
	}
}
