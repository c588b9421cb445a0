/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.herald.messenger.wire.MessageCharset;
import org.osgi.service.prefs.BackingStoreException;

/**
 * The OEM code page Herald sends in and reads unmarked text in, kept in the workspace's instance
 * preferences ({@code org.herald.messenger/oem}); CP850 when none is saved or the saved one is unknown.
 */
public final class OemCodePage {

	static final String NODE = "org.herald.messenger";
	static final String KEY = "oem";

	private OemCodePage() {
	}

	public static MessageCharset current() {
		String name = InstanceScope.INSTANCE.getNode(NODE).get(KEY, MessageCharset.DEFAULT_OEM);
		try {
			return MessageCharset.named(name);
		} catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
			return MessageCharset.defaultOem();
		}
	}

	/** Saves {@code charset} as the OEM code page. */
	public static void save(Charset charset) throws BackingStoreException {
		var node = InstanceScope.INSTANCE.getNode(NODE);
		node.put(KEY, charset.name());
		node.flush();
	}
}
