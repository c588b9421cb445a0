/*******************************************************************************
 * Copyright (c) 2026 Herald contributors. SPDX-License-Identifier: EPL-2.0
 *******************************************************************************/
package org.herald.peer.noise;

import static org.herald.peer.noise.Token.E;
import static org.herald.peer.noise.Token.EE;
import static org.herald.peer.noise.Token.ES;
import static org.herald.peer.noise.Token.S;
import static org.herald.peer.noise.Token.SE;
import static org.herald.peer.noise.Token.SS;

import java.util.List;

/**
 * The interactive patterns Herald uses (spec section 7.5). Messages alternate, the initiator's first.
 * XX: both static keys are sent, encrypted; IK: the initiator knows the responder's static key
 * beforehand (the {@code <- s} pre-message) and saves a round trip.
 */
public enum HandshakePattern {

	/** {@code -> e; <- e, ee, s, es; -> s, se}. */
	XX(List.of(), List.of(), List.of(List.of(E), List.of(E, EE, S, ES), List.of(S, SE))),

	/** {@code <- s; ...; -> e, es, s, ss; <- e, ee, se}. */
	IK(List.of(), List.of(S), List.of(List.of(E, ES, S, SS), List.of(E, EE, SE)));

	private final List<Token> initiatorPreMessage;
	private final List<Token> responderPreMessage;
	private final List<List<Token>> messages;

	HandshakePattern(List<Token> initiatorPreMessage, List<Token> responderPreMessage, List<List<Token>> messages) {
		this.initiatorPreMessage = initiatorPreMessage;
		this.responderPreMessage = responderPreMessage;
		this.messages = messages;
	}

	/** The protocol name (section 8) with Herald's one suite: 25519, ChaChaPoly, SHA256. */
	public String protocolName() {
		return "Noise_" + name() + "_25519_ChaChaPoly_SHA256";
	}

	List<Token> initiatorPreMessage() {
		return initiatorPreMessage;
	}

	List<Token> responderPreMessage() {
		return responderPreMessage;
	}

	List<List<Token>> messages() {
		return messages;
	}
}
