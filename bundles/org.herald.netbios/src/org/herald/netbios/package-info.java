/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
/**
 * The NetBIOS name service as Herald's other bundles use it: {@link org.herald.netbios.NameService}
 * (queries, node status) and {@link org.herald.netbios.NameResponder} (Herald's own name table),
 * with their records. Implementations are in {@code org.herald.netbios.internal}.
 */
package org.herald.netbios;
