/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
/** Implementations of the name service: client, responder, registration, the {@code names} CLI command. Not exported. */
package org.herald.netbios.internal;
