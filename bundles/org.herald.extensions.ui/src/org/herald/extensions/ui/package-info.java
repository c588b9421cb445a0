/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
/** Help &gt; Extensions: {@link org.herald.extensions.ui.ExtensionsDialog} on the headless extension service. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package org.herald.extensions.ui;
