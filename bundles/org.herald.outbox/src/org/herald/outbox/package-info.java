/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
/**
 * The durable outbox: messages to hosts that are offline, kept in the workspace and retried with
 * backoff until delivered or expired ({@link org.herald.outbox.Outbox}, {@link org.herald.outbox.OutboxQueue}).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.2.0")
package org.herald.outbox;
