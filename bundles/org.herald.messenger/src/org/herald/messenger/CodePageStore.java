/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/** Where the code pages are kept; the service the messenger bundle registers keeps them in the workspace's preferences. */
@org.osgi.annotation.versioning.ProviderType
public interface CodePageStore {

	/** The code pages saved; CP850 and no rules if none are. Saved rules that cannot be read are left out. */
	CodePages load();

	void save(CodePages pages) throws IOException;

	/** What could not be read back of the saved rules (a code page this Java lacks, a hand-edited line). */
	default List<String> problems() {
		return List.of();
	}

	/** A store in memory only, starting with {@code initial} (for embedding and tests). */
	static CodePageStore inMemory(CodePages initial) {
		AtomicReference<CodePages> held = new AtomicReference<>(initial);
		return new CodePageStore() {
			@Override
			public CodePages load() {
				return held.get();
			}

			@Override
			public void save(CodePages pages) {
				held.set(pages);
			}
		};
	}
}
