/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.internal;

import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.herald.messenger.CodePageRule;
import org.herald.messenger.CodePageStore;
import org.herald.messenger.CodePageText;
import org.herald.messenger.CodePages;
import org.herald.messenger.wire.MessageCharset;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.prefs.BackingStoreException;

/**
 * The OEM code pages Herald sends in and reads unmarked text in, kept in the workspace's instance
 * preferences: the default in {@code org.herald.messenger/oem} (as before rules existed; CP850
 * when none is saved or the saved one is unknown), the rules per host, address and workgroup in
 * {@code org.herald.messenger/oem.rules} ({@link CodePageText}). The process's one
 * {@link CodePageStore} service: the commands and the Messenger take it by reference.
 * <p>
 * Parses the rules again only when their text changed. Another process of the same workspace (the
 * workbench, {@code herald charset}) may save new rules: at most once a second the preference
 * file's time stamp is compared, and the node is read again when it moved, so a running listener
 * follows the rules without a restart.
 */
@Component(service = CodePageStore.class)
public final class WorkspaceCodePages implements CodePageStore {

	static final String NODE = "org.herald.messenger";
	static final String KEY = "oem";
	static final String RULES = "oem.rules";

	private record Parsed(String defaultName, String rulesText, CodePages pages, CodePageText.Decoded decoded) {
	}

	private static final long CHECK_NANOS = 1_000_000_000L;

	private volatile Parsed last;
	private long nextCheck = System.nanoTime();
	private long knownStamp = Long.MIN_VALUE;
	private File file;

	@Override
	public CodePages load() {
		return parsed().pages();
	}

	CodePageText.Decoded decoded() {
		return parsed().decoded();
	}

	@Override
	public List<String> problems() {
		return decoded().problems();
	}

	private Parsed parsed() {
		IEclipsePreferences node = InstanceScope.INSTANCE.getNode(NODE);
		followOtherProcesses(node);
		String defaultName = node.get(KEY, MessageCharset.DEFAULT_OEM);
		String rulesText = node.get(RULES, "");
		Parsed p = last;
		if (p != null && p.defaultName().equals(defaultName) && p.rulesText().equals(rulesText)) {
			return p;
		}
		Charset def;
		try {
			def = CodePageRule.codePage(defaultName);
		} catch (IllegalArgumentException e) {
			def = MessageCharset.defaultOem().oem();
		}
		CodePageText.Decoded decoded = CodePageText.decode(rulesText);
		p = new Parsed(defaultName, rulesText, new CodePages(def, decoded.rules()), decoded);
		last = p;
		return p;
	}

	private synchronized void followOtherProcesses(IEclipsePreferences node) {
		long now = System.nanoTime();
		if (now - nextCheck < 0) {
			return;
		}
		nextCheck = now + CHECK_NANOS;
		if (file == null) {
			file = preferenceFile(); // the workspace does not change while the process runs
		}
		if (file == null) {
			return; // no workspace: nothing another process could change
		}
		long stamp = file.lastModified(); // 0 while there is no file
		if (knownStamp != Long.MIN_VALUE && stamp != knownStamp) {
			try {
				node.sync();
			} catch (BackingStoreException | IllegalStateException e) {
				return; // keep what we have; the next check tries again
			}
		}
		knownStamp = stamp;
	}

	@Override
	public void save(CodePages pages) throws IOException {
		IEclipsePreferences node = InstanceScope.INSTANCE.getNode(NODE);
		node.put(KEY, pages.defaultCodePage().name());
		if (pages.rules().isEmpty()) {
			node.remove(RULES);
		} else {
			node.put(RULES, CodePageText.encode(pages.rules()));
		}
		try {
			node.flush();
		} catch (BackingStoreException e) {
			throw new IOException("could not save the code pages in the workspace: " + e.getMessage(), e);
		}
	}

	/** Saves {@code charset} as the default code page; the rules' saved text stays as it is. */
	public void saveDefault(Charset charset) throws BackingStoreException {
		var node = InstanceScope.INSTANCE.getNode(NODE);
		node.put(KEY, charset.name());
		node.flush();
	}

	/**
	 * Where the workspace keeps this node's instance preferences (as Eclipse's runtime lays them out
	 * under the instance area, the {@code -data} folder), or null outside OSGi or without a workspace.
	 */
	public static File preferenceFile() {
		Bundle bundle = FrameworkUtil.getBundle(WorkspaceCodePages.class);
		BundleContext context = bundle == null ? null : bundle.getBundleContext();
		String area = context == null ? null : context.getProperty("osgi.instance.area");
		if (area == null) {
			return null;
		}
		try {
			Path workspace = Path.of(new URL(area).toURI());
			return workspace.resolve(".metadata/.plugins/org.eclipse.core.runtime/.settings").resolve(NODE + ".prefs").toFile();
		} catch (MalformedURLException | URISyntaxException | IllegalArgumentException e) {
			return null;
		}
	}
}
