/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
/**
 * Extensions of the running installation: {@link org.herald.extensions.ExtensionService} (install,
 * update, uninstall from p2 repositories into the installation's own profile), what it reports
 * ({@link org.herald.extensions.Extension}, {@link org.herald.extensions.Change}) and how a user's
 * text becomes a repository ({@link org.herald.extensions.Repositories}).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package org.herald.extensions;
