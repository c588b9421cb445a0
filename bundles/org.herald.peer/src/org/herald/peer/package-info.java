/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
/**
 * Encrypted, authenticated Herald-to-Herald messages: this computer's {@link org.herald.peer.IdentityKey},
 * a {@link org.herald.peer.NoiseSession} (Noise XX, or IK for a pinned peer) bound to both NetBIOS
 * names by a {@link org.herald.peer.PeerPrologue}, its {@link org.herald.peer.Transport} of
 * replay-checked frames, and trust on first use per NetBIOS name in {@link org.herald.peer.PeerPins},
 * verified with a {@link org.herald.peer.Fingerprint} read over the phone. No network code: the
 * caller moves the frames.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.herald.peer;
