/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
/**
 * The ids of Herald's workbench model that an extension may name: the part stacks to contribute
 * parts into with a {@code Model-Fragment}, Herald's own parts, menus and commands
 * ({@link org.herald.api.workbench.WorkbenchIds}). Plain strings, so a bundle can use them without
 * depending on SWT or the e4 workbench.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package org.herald.api.workbench;
