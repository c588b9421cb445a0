/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
/**
 * The Noise Protocol Framework (revision 34) for Herald peers, on the JDK's own primitives:
 * {@code Noise_XX_25519_ChaChaPoly_SHA256} and {@code Noise_IK_25519_ChaChaPoly_SHA256}.
 * {@link org.herald.peer.noise.CipherState}, {@link org.herald.peer.noise.SymmetricState} and
 * {@link org.herald.peer.noise.HandshakeState} follow sections 5.1-5.3 of the specification.
 * Exported for Herald's own bundles only ({@code x-internal}); others use {@link org.herald.peer.NoiseSession}.
 */
@org.osgi.annotation.bundle.Export(attribute = "x-internal:=true")
@org.osgi.annotation.versioning.Version("0.1.0")
package org.herald.peer.noise;
