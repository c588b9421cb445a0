/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
/**
 * The NetBIOS name service as Herald's other bundles use it: {@link org.herald.netbios.NameService}
 * (queries and node status with the identity saved in Settings) and
 * {@link org.herald.netbios.NameResponderFactory}, which starts a
 * {@link org.herald.netbios.NameResponder} (Herald's own name table) for an identity on request,
 * with their records. Both are DS services that need no configuration. Implementations are in {@code org.herald.netbios.internal}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package org.herald.netbios;
