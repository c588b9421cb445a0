/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.peer.noise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays the published test vectors in noise-vectors.json, byte for byte: every handshake message,
 * every transport message and, where the vector gives it, the handshake hash. The vectors are
 * copied unchanged from cacophony (vectors/cacophony.txt) and noise-c (tests/vector/noise-c-basic.txt);
 * each names its source. Messages alternate between initiator and responder, the initiator first,
 * through the handshake and after it.
 */
class NoiseVectorsTest {

	private static final HexFormat HEX = HexFormat.of();

	static Stream<Map<String, Object>> vectors() throws IOException {
		try (InputStream in = NoiseVectorsTest.class.getResourceAsStream("noise-vectors.json")) {
			Map<?, ?> root = (Map<?, ?>) TestJson.parse(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
			@SuppressWarnings("unchecked")
			List<Map<String, Object>> list = (List<Map<String, Object>>) root.get("vectors");
			assertEquals(4, list.size());
			return list.stream();
		}
	}

	@ParameterizedTest(name = "{index}: {0}")
	@MethodSource("vectors")
	void replays(Map<String, Object> vector) throws Exception {
		String name = (String) vector.get("name");
		HandshakePattern pattern = HandshakePattern.valueOf(name.split("_")[1]);
		assertEquals(name, pattern.protocolName());

		byte[] remoteStatic = vector.containsKey("init_remote_static") ? bytes(vector, "init_remote_static") : null;
		if (remoteStatic != null) {
			// The vector's responder public key is ours to derive from its private key.
			assertArrayEquals(remoteStatic, X25519.keyPair(bytes(vector, "resp_static")).publicKey());
		}
		HandshakeState initiator = new HandshakeState(pattern, true, bytes(vector, "init_prologue"),
				X25519.keyPair(bytes(vector, "init_static")), remoteStatic, new SecureRandom());
		initiator.fixEphemeral(X25519.keyPair(bytes(vector, "init_ephemeral")));
		HandshakeState responder = new HandshakeState(pattern, false, bytes(vector, "resp_prologue"),
				X25519.keyPair(bytes(vector, "resp_static")), null, new SecureRandom());
		responder.fixEphemeral(X25519.keyPair(bytes(vector, "resp_ephemeral")));

		@SuppressWarnings("unchecked")
		List<Map<String, Object>> messages = (List<Map<String, Object>>) vector.get("messages");
		int handshakeMessages = pattern.messages().size();
		for (int i = 0; i < messages.size(); i++) {
			byte[] payload = bytes(messages.get(i), "payload");
			String expected = (String) messages.get(i).get("ciphertext");
			boolean fromInitiator = i % 2 == 0;
			HandshakeState sender = fromInitiator ? initiator : responder;
			HandshakeState receiver = fromInitiator ? responder : initiator;
			if (i < handshakeMessages) {
				byte[] message = sender.writeMessage(payload);
				assertEquals(expected, HEX.formatHex(message), name + " handshake message " + i);
				assertArrayEquals(payload, receiver.readMessage(message), name + " handshake payload " + i);
			} else {
				byte[] message = sender.sendCipher().encryptWithAd(new byte[0], payload);
				assertEquals(expected, HEX.formatHex(message), name + " transport message " + i);
				assertArrayEquals(payload, receiver.receiveCipher().decryptWithAd(new byte[0], message), name + " transport payload " + i);
			}
		}
		assertTrue(initiator.isComplete() && responder.isComplete());
		assertArrayEquals(initiator.handshakeHash(), responder.handshakeHash());
		if (vector.containsKey("handshake_hash")) {
			assertEquals(vector.get("handshake_hash"), HEX.formatHex(initiator.handshakeHash()));
		}
		assertArrayEquals(X25519.keyPair(bytes(vector, "resp_static")).publicKey(), initiator.remoteStatic());
		assertArrayEquals(X25519.keyPair(bytes(vector, "init_static")).publicKey(), responder.remoteStatic());
	}

	private static byte[] bytes(Map<String, Object> map, String key) {
		return HEX.parseHex((String) map.get(key));
	}
}
