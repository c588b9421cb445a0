/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger;

import java.io.File;
import java.io.IOException;
import java.nio.charset.Charset;
import java.util.List;

import org.herald.messenger.internal.WorkspaceCodePages;
import org.herald.messenger.wire.MessageCharset;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.service.prefs.BackingStoreException;

/**
 * The workspace's OEM code pages for code that cannot take the {@link CodePageStore} service by
 * reference (the workbench's preference page, its tests). It holds nothing itself: each call asks
 * the service registry for the one {@code CodePageStore} (the workspace's preferences). Components
 * take the service instead.
 *
 * @deprecated take the {@link CodePageStore} service (DS {@code @Reference}, or {@code @Inject @Service} in a part)
 */
@Deprecated(forRemoval = true)
public final class OemCodePage {

	private OemCodePage() {
	}

	/** The default code page. */
	public static MessageCharset current() {
		return new MessageCharset(codePages().defaultCodePage());
	}

	/** The default and the rules, as saved in the workspace. */
	public static CodePages codePages() {
		return workspace().load();
	}

	/** The workspace's code pages: the registered {@link CodePageStore} service. */
	public static CodePageStore workspace() {
		Bundle bundle = FrameworkUtil.getBundle(OemCodePage.class);
		BundleContext context = bundle == null ? null : bundle.getBundleContext();
		ServiceReference<CodePageStore> ref = context == null ? null : context.getServiceReference(CodePageStore.class);
		CodePageStore store = ref == null ? null : context.getService(ref);
		if (store == null) {
			throw new IllegalStateException("no CodePageStore service: the messenger bundle is not active");
		}
		return store;
	}

	/** Saves {@code charset} as the default code page; the rules stay. */
	public static void save(Charset charset) throws BackingStoreException {
		CodePageStore store = workspace();
		if (store instanceof WorkspaceCodePages w) {
			w.saveDefault(charset); // the rules' text as saved, unreadable lines included
			return;
		}
		try {
			store.save(store.load().withDefault(charset));
		} catch (IOException e) {
			throw new BackingStoreException(e.getMessage(), e);
		}
	}

	/** Lines of the saved rules that could not be read (e.g. a code page this Java lacks). */
	public static List<String> problems() {
		return workspace().problems();
	}

	/** Where the workspace keeps the code pages' preference file, or null outside OSGi or without a workspace. */
	public static File preferenceFile() {
		return WorkspaceCodePages.preferenceFile();
	}
}
