/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.outbox;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The outbox service: a message to a host that is offline is kept in the workspace and retried
 * with backoff ({@link RetryPolicy}) until delivered or expired. While a Herald process runs
 * (herald listen, the workbench) a component tries the due entries about every
 * {@link #TICK_SECONDS} seconds; {@code herald outbox retry} tries them at once.
 */
@org.osgi.annotation.versioning.ProviderType
public interface Outbox {

	/** How often the retrying component looks for due entries. */
	int TICK_SECONDS = 15;

	/** The outbox kept in {@code workspace} (under {@code outbox/}), created on first use. */
	OutboxQueue queue(Path workspace) throws IOException;

	/** The policy new entries and retries follow. */
	RetryPolicy policy();
}
