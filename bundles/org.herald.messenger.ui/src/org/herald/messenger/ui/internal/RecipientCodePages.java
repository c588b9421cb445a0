/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.ui.internal;

import java.nio.charset.Charset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.herald.messenger.CodePages;
import org.herald.messenger.Recipient;

/**
 * The code pages a message to the recipients typed will go out in, as far as the composer can tell
 * without asking the network: a name by its host rule, an address or range by the address rules,
 * a workgroup by its rule; otherwise the default. (A name whose address or workgroup has a rule is
 * only known when the message is sent.)
 */
public final class RecipientCodePages {

	private RecipientCodePages() {
	}

	public static Set<Charset> of(List<Recipient> recipients, CodePages pages) {
		Set<Charset> found = new LinkedHashSet<>();
		for (Recipient r : recipients) {
			switch (r) {
			case Recipient.Name n -> found.add(pages.codePageFor(List.of(n.name().name()), null, null));
			case Recipient.Address a -> found.add(pages.codePageFor(List.of(), a.address(), null));
			case Recipient.Range range -> found.addAll(pages.codePagesForRange(range.first(), range.last()));
			case Recipient.Workgroup w -> found.add(pages.codePageFor(List.of(), null, w.workgroup()));
			}
		}
		if (found.isEmpty()) {
			found.add(pages.defaultCodePage());
		}
		return found;
	}
}
