/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
/** The extension service on p2's operations API and the {@code extensions} command; exported for tests only. */
@org.osgi.annotation.bundle.Export(attribute = "x-internal:=true")
@org.osgi.annotation.versioning.Version("0.1.0")
package org.herald.extensions.internal;
