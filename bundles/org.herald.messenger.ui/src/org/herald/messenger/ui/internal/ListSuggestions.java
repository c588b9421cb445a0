/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.messenger.ui.internal;

import java.io.IOException;
import java.util.List;

import org.herald.messenger.RecipientList;
import org.herald.messenger.RecipientLists;
import org.herald.ui.RecipientSuggestions;

/** The workspace's recipient lists as the composer suggests them: {@code @ADMINS}. Reads the file at each call. */
public final class ListSuggestions implements RecipientSuggestions {

	private final RecipientLists lists;

	public ListSuggestions(RecipientLists lists) {
		this.lists = lists;
	}

	@Override
	public List<String> suggestions() {
		try {
			return lists.all().stream().map(RecipientList::label).toList();
		} catch (IOException e) {
			return List.of(); // a damaged file: herald lists says what is wrong with it
		}
	}
}
