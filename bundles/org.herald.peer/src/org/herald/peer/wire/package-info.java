/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
/**
 * The frames Herald peers exchange: pure functions over bytes, no I/O beyond reading a given stream.
 * Every unit on the wire is one {@link org.herald.peer.wire.Frame}:
 *
 * <pre>
 * offset 0   type     u8       1 = handshake message, 2 = transport message
 * offset 1   length   u32 BE   the body's length, at most 65535 (a Noise message, spec section 3)
 * offset 5   counter  u64 BE   handshake: the message's index; transport: the sender's nonce
 * offset 13  body     length bytes
 * </pre>
 *
 * A transport body is ChaChaPoly ciphertext with the 13 header bytes as associated data, so the
 * type, length and counter are authenticated too.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.herald.peer.wire;
