/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
/**
 * The WinPopup message body and its text in an OEM code page: pure codecs. Exported for Herald's
 * own bundles ({@code x-friends}), not a third-party API.
 */
@org.osgi.annotation.bundle.Export(attribute = "x-friends:=\"org.herald.messenger.ui\"")
@org.osgi.annotation.versioning.Version("0.1.0")
package org.herald.messenger.wire;
