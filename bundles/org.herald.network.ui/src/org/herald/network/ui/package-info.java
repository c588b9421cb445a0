/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
/**
 * The network views: {@link org.herald.network.ui.NetworkPart} (workgroups and hosts) and {@link
 * org.herald.network.ui.ExposurePart}, with their events ({@link org.herald.network.ui.NetworkEvents}).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package org.herald.network.ui;
