/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
/** The Help &gt; Extensions handler and the addon that drops the parts of uninstalled extensions. Not exported. */
package org.herald.extensions.ui.internal;
