/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
/**
 * The SMB1 client side Herald's bundles share: {@link org.herald.smb.SmbSession} (one connection on
 * the NetBIOS session service or direct hosting) and {@link org.herald.smb.MessageConversation} (the
 * Messenger's commands on it). For Herald's own bundles (x-friends), not a third-party API.
 */
@org.osgi.annotation.bundle.Export(attribute = "x-friends:=\"org.herald.messenger,org.herald.browser\"")
@org.osgi.annotation.versioning.Version("0.1.0")
package org.herald.smb;
