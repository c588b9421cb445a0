/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.peer;

/**
 * The result of {@link PeerPins#check}: the status, the pin as stored after the check (for CHANGED
 * the old, unchanged one), and the key the peer presented.
 */
public record PinCheck(PinStatus status, Pin pin, PeerKey presented) {
}
