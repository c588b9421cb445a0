/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.netbios;

/** Where a name of Herald's own table stands. */
public enum NameState {
	/** Registration is under way; the name is not answered for yet. */
	REGISTERING,
	/** Registered (or unopposed on the subnet): Herald answers for it and defends it. */
	ACTIVE,
	/** Another node owns it (registration refused, or a conflict demand came): Herald does not answer for it. */
	CONFLICT,
	/** Released: Herald gave it up. */
	RELEASED
}
