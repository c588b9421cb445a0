/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
/**
 * The Messenger service: {@link org.herald.messenger.Messenger} (send, presence, held names),
 * recipients and deliveries, and the OEM code pages per host ({@link org.herald.messenger.CodePages}).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.2.0")
package org.herald.messenger;
