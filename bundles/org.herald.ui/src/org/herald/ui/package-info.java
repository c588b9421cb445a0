/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
/**
 * What the workbench offers the views of other bundles: {@link org.herald.ui.HeraldEvents}, {@link
 * org.herald.ui.ComposeRequest}, {@link org.herald.ui.PreferencePageProvider}, {@link org.herald.ui.Workers}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package org.herald.ui;
