/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.ui;

/**
 * Asks the composer to start a message: posted on {@link HeraldEvents#COMPOSE} by a reply, a
 * forward, or "send a message" on a host.
 *
 * @param recipients the recipients field, as the user would type it (names, addresses, ranges)
 * @param text       the text to start with
 */
public record ComposeRequest(String recipients, String text) {
}
