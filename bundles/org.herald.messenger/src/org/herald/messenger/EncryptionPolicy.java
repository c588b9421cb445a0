/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger;

import java.util.Locale;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.osgi.service.prefs.BackingStoreException;

/**
 * When a message goes over Herald's encrypted peer channel. The workspace keeps a default
 * ({@code org.herald.messenger/encrypt}: Preferences &gt; Encryption), which {@code herald send}
 * without {@code --encrypt} and the composer use.
 */
public enum EncryptionPolicy {
	/** Herald peers get it encrypted, every other host plain (marked "plain because legacy peer"). */
	AUTO,
	/** Herald peers get it encrypted; a recipient that is not one fails, nothing goes out in plain text. */
	REQUIRE,
	/** Plain NET SEND / WinPopup for everyone; the peer port is not tried. */
	NEVER;

	static final String KEY = "encrypt";

	/** The messenger's preference node in the workspace (the code pages' node too). */
	private static final String NODE = "org.herald.messenger";

	/** The word of the command line and the preferences: {@code auto}, {@code require}, {@code never}. */
	public String word() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * @throws IllegalArgumentException with the words allowed, for anything else
	 */
	public static EncryptionPolicy parse(String word) {
		for (EncryptionPolicy p : values()) {
			if (p.word().equals(word)) {
				return p;
			}
		}
		throw new IllegalArgumentException("the encryption policy is auto, require or never, not '" + word + "'");
	}

	/** The workspace's default; {@link #AUTO} when none is saved or the saved word is unknown. */
	public static EncryptionPolicy workspaceDefault() {
		String saved = InstanceScope.INSTANCE.getNode(NODE).get(KEY, AUTO.word());
		try {
			return parse(saved);
		} catch (IllegalArgumentException e) {
			return AUTO;
		}
	}

	/** Saves this policy as the workspace's default. */
	public void saveAsWorkspaceDefault() throws BackingStoreException {
		var node = InstanceScope.INSTANCE.getNode(NODE);
		node.put(KEY, word());
		node.flush();
	}
}
