/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
/**
 * The inbox: {@link org.herald.inbox.Inbox} (stored messages, queries, paging, changes) from the
 * {@link org.herald.inbox.InboxService}, and the spam policy.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package org.herald.inbox;
