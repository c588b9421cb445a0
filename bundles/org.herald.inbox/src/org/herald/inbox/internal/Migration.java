/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.inbox.internal;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * One step of the inbox schema's history. Steps are applied in version order, each at most once; the
 * versions applied are recorded in {@code schema_version}. A released step is never changed: a change
 * to the schema is a new step.
 *
 * @param version     the schema version the step leads to (1, 2, 3, ...)
 * @param description what it does, recorded with it
 * @param step        the work
 */
record Migration(int version, String description, Step step) {

	@FunctionalInterface
	interface Step {
		void apply(Connection c) throws SQLException;
	}
}
