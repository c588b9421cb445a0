/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
/**
 * The records and service interfaces every Herald bundle shares: {@link org.herald.api.NetbiosName},
 * {@link org.herald.api.Identity}, {@link org.herald.api.BindInterface}, {@link org.herald.api.ReceivedMessage},
 * {@link org.herald.api.MessageSink}, {@link org.herald.api.Settings}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package org.herald.api;
